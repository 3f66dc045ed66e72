/**
 * GENERATED from the register instruction set (src/interp/isa.ts) by scripts/gen-interp.mjs;
 * do not edit. Regenerate: npm run gen
 *
 * `R.x` is the row number of register instruction x in `ISA`. `L_<LAYOUT>.<operand>` is the
 * word position of an operand in an instruction of that layout (the opcode is word 0; a
 * repeated letter is numbered from 2), and `L_<LAYOUT>.size` the words the instruction takes
 * (for `br_table`'s `a n`, where its n targets start).
 */
/** Register instruction ids: row numbers of the ISA table. */
export const enum R {
  unreachable = 0,
  br = 1,
  br_nez = 2,
  br_eqz = 3,
  br_eq = 4,
  br_ne = 5,
  br_lt_s = 6,
  br_lt_u = 7,
  br_gt_s = 8,
  br_gt_u = 9,
  br_le_s = 10,
  br_le_u = 11,
  br_ge_s = 12,
  br_ge_u = 13,
  br_eq_imm = 14,
  br_ne_imm = 15,
  br_lt_s_imm = 16,
  br_lt_u_imm = 17,
  br_gt_s_imm = 18,
  br_gt_u_imm = 19,
  br_le_s_imm = 20,
  br_le_u_imm = 21,
  br_ge_s_imm = 22,
  br_ge_u_imm = 23,
  add_br_eq = 24,
  add_br_ne = 25,
  add_br_lt_s = 26,
  add_br_lt_u = 27,
  add_br_gt_s = 28,
  add_br_gt_u = 29,
  add_br_le_s = 30,
  add_br_le_u = 31,
  add_br_ge_s = 32,
  add_br_ge_u = 33,
  add_br_eq_imm = 34,
  add_br_ne_imm = 35,
  add_br_lt_s_imm = 36,
  add_br_lt_u_imm = 37,
  add_br_gt_s_imm = 38,
  add_br_gt_u_imm = 39,
  add_br_le_s_imm = 40,
  add_br_le_u_imm = 41,
  add_br_ge_s_imm = 42,
  add_br_ge_u_imm = 43,
  addr_br_eq = 44,
  addr_br_ne = 45,
  addr_br_lt_s = 46,
  addr_br_lt_u = 47,
  addr_br_gt_s = 48,
  addr_br_gt_u = 49,
  addr_br_le_s = 50,
  addr_br_le_u = 51,
  addr_br_ge_s = 52,
  addr_br_ge_u = 53,
  br_f32_eq = 54,
  br_not_f32_eq = 55,
  br_f32_ne = 56,
  br_not_f32_ne = 57,
  br_f32_lt = 58,
  br_not_f32_lt = 59,
  br_f32_gt = 60,
  br_not_f32_gt = 61,
  br_f32_le = 62,
  br_not_f32_le = 63,
  br_f32_ge = 64,
  br_not_f32_ge = 65,
  br_f64_eq = 66,
  br_not_f64_eq = 67,
  br_f64_ne = 68,
  br_not_f64_ne = 69,
  br_f64_lt = 70,
  br_not_f64_lt = 71,
  br_f64_gt = 72,
  br_not_f64_gt = 73,
  br_f64_le = 74,
  br_not_f64_le = 75,
  br_f64_ge = 76,
  br_not_f64_ge = 77,
  br_table = 78,
  return = 79,
  call = 80,
  call_indirect = 81,
  fuel = 82,
  mov32 = 83,
  mov64 = 84,
  mov_ref = 85,
  mov_f64 = 86,
  const32 = 87,
  const64 = 88,
  select32 = 89,
  select64 = 90,
  select_ref = 91,
  global_get32 = 92,
  global_get64 = 93,
  global_get_ref = 94,
  global_set32 = 95,
  global_set64 = 96,
  global_set_ref = 97,
  i32_load = 98,
  i64_load = 99,
  f64_load = 100,
  i32_load8_s = 101,
  i32_load8_u = 102,
  i32_load16_s = 103,
  i32_load16_u = 104,
  i64_load8_s = 105,
  i64_load8_u = 106,
  i64_load16_s = 107,
  i64_load16_u = 108,
  i64_load32_s = 109,
  i64_load32_u = 110,
  i32_store = 111,
  i64_store = 112,
  f64_store = 113,
  i32_store8 = 114,
  i32_store16 = 115,
  i32_load_rr = 116,
  i64_load_rr = 117,
  f64_load_rr = 118,
  i32_load8_s_rr = 119,
  i32_load8_u_rr = 120,
  i32_load16_s_rr = 121,
  i32_load16_u_rr = 122,
  i64_load8_s_rr = 123,
  i64_load8_u_rr = 124,
  i64_load16_s_rr = 125,
  i64_load16_u_rr = 126,
  i64_load32_s_rr = 127,
  i64_load32_u_rr = 128,
  i32_store_rr = 129,
  i64_store_rr = 130,
  f64_store_rr = 131,
  i32_store8_rr = 132,
  i32_store16_rr = 133,
  memory_size = 134,
  memory_grow = 135,
  memory_fill = 136,
  memory_copy = 137,
  memory_init = 138,
  data_drop = 139,
  load_x = 140,
  store_x = 141,
  memory_size_x = 142,
  memory_grow_x = 143,
  i32_eqz = 144,
  i32_eq = 145,
  i32_ne = 146,
  i32_lt_s = 147,
  i32_lt_u = 148,
  i32_gt_s = 149,
  i32_gt_u = 150,
  i32_le_s = 151,
  i32_le_u = 152,
  i32_ge_s = 153,
  i32_ge_u = 154,
  i32_eq_imm = 155,
  i32_ne_imm = 156,
  i32_lt_s_imm = 157,
  i32_lt_u_imm = 158,
  i32_gt_s_imm = 159,
  i32_gt_u_imm = 160,
  i32_le_s_imm = 161,
  i32_le_u_imm = 162,
  i32_ge_s_imm = 163,
  i32_ge_u_imm = 164,
  i32_clz = 165,
  i32_ctz = 166,
  i32_popcnt = 167,
  i32_extend8_s = 168,
  i32_extend16_s = 169,
  i32_add = 170,
  i32_sub = 171,
  i32_mul = 172,
  i32_div_s = 173,
  i32_div_u = 174,
  i32_rem_s = 175,
  i32_rem_u = 176,
  i32_and = 177,
  i32_or = 178,
  i32_xor = 179,
  i32_shl = 180,
  i32_shr_s = 181,
  i32_shr_u = 182,
  i32_rotl = 183,
  i32_rotr = 184,
  i32_add_imm = 185,
  i32_mul_imm = 186,
  i32_and_imm = 187,
  i32_or_imm = 188,
  i32_xor_imm = 189,
  i32_shl_imm = 190,
  i32_shr_s_imm = 191,
  i32_shr_u_imm = 192,
  i64_eqz = 193,
  i64_eq = 194,
  i64_ne = 195,
  i64_lt_s = 196,
  i64_lt_u = 197,
  i64_gt_s = 198,
  i64_gt_u = 199,
  i64_le_s = 200,
  i64_le_u = 201,
  i64_ge_s = 202,
  i64_ge_u = 203,
  i64_clz = 204,
  i64_ctz = 205,
  i64_popcnt = 206,
  i64_extend8_s = 207,
  i64_extend16_s = 208,
  i64_extend32_s = 209,
  i64_add = 210,
  i64_sub = 211,
  i64_mul = 212,
  i64_div_s = 213,
  i64_div_u = 214,
  i64_rem_s = 215,
  i64_rem_u = 216,
  i64_and = 217,
  i64_or = 218,
  i64_xor = 219,
  i64_shl = 220,
  i64_shr_s = 221,
  i64_shr_u = 222,
  i64_rotl = 223,
  i64_rotr = 224,
  i64_add_imm = 225,
  i64_shl_imm = 226,
  i64_shr_s_imm = 227,
  i64_shr_u_imm = 228,
  f32_eq = 229,
  f32_ne = 230,
  f32_lt = 231,
  f32_gt = 232,
  f32_le = 233,
  f32_ge = 234,
  f32_abs = 235,
  f32_neg = 236,
  f32_ceil = 237,
  f32_floor = 238,
  f32_trunc = 239,
  f32_nearest = 240,
  f32_sqrt = 241,
  f32_add = 242,
  f32_sub = 243,
  f32_mul = 244,
  f32_div = 245,
  f32_min = 246,
  f32_max = 247,
  f32_copysign = 248,
  f64_eq = 249,
  f64_ne = 250,
  f64_lt = 251,
  f64_gt = 252,
  f64_le = 253,
  f64_ge = 254,
  f64_abs = 255,
  f64_neg = 256,
  f64_ceil = 257,
  f64_floor = 258,
  f64_trunc = 259,
  f64_nearest = 260,
  f64_sqrt = 261,
  f64_add = 262,
  f64_sub = 263,
  f64_mul = 264,
  f64_div = 265,
  f64_min = 266,
  f64_max = 267,
  f64_copysign = 268,
  f64_add_m = 269,
  f64_sub_m = 270,
  f64_mul_m = 271,
  f64_div_m = 272,
  f64_add_st = 273,
  f64_sub_st = 274,
  f64_mul_st = 275,
  f64_div_st = 276,
  f32_mul_add = 277,
  f32_add_mul = 278,
  f64_add_rmw = 279,
  copy8 = 280,
  copy32 = 281,
  copy64 = 282,
  f64_add_mul_st = 283,
  f64_sub_mul_st = 284,
  f64_mul_add_rmw = 285,
  f64_mul_m_add_rmw = 286,
  i32_trunc_f32_s = 287,
  i32_trunc_f32_u = 288,
  i32_trunc_f64_s = 289,
  i32_trunc_f64_u = 290,
  i64_extend_i32_s = 291,
  i64_extend_i32_u = 292,
  i64_trunc_f32_s = 293,
  i64_trunc_f32_u = 294,
  i64_trunc_f64_s = 295,
  i64_trunc_f64_u = 296,
  f32_convert_i32_s = 297,
  f32_convert_i32_u = 298,
  f32_convert_i64_s = 299,
  f32_convert_i64_u = 300,
  f32_demote_f64 = 301,
  f64_convert_i32_s = 302,
  f64_convert_i32_u = 303,
  f64_convert_i64_s = 304,
  f64_convert_i64_u = 305,
  f64_promote_f32 = 306,
  i32_trunc_sat_f32_s = 307,
  i32_trunc_sat_f32_u = 308,
  i32_trunc_sat_f64_s = 309,
  i32_trunc_sat_f64_u = 310,
  i64_trunc_sat_f32_s = 311,
  i64_trunc_sat_f32_u = 312,
  i64_trunc_sat_f64_s = 313,
  i64_trunc_sat_f64_u = 314,
  ref_null = 315,
  ref_is_null = 316,
  ref_func = 317,
  table_get = 318,
  table_set = 319,
  table_size = 320,
  table_grow = 321,
  table_fill = 322,
  table_copy = 323,
  table_init = 324,
  elem_drop = 325,
  ref_eq = 326,
  ref_i31 = 327,
  i31_get_s = 328,
  i31_get_u = 329,
  ref_test = 330,
  ref_cast = 331,
  struct_new = 332,
  struct_new_default = 333,
  struct_get32 = 334,
  struct_get_s8 = 335,
  struct_get_s16 = 336,
  struct_get64 = 337,
  struct_get128 = 338,
  struct_get_ref = 339,
  struct_set32 = 340,
  struct_set8 = 341,
  struct_set16 = 342,
  struct_set64 = 343,
  struct_set128 = 344,
  struct_set_ref = 345,
  array_new = 346,
  array_new_default = 347,
  array_new_fixed = 348,
  array_new_data = 349,
  array_new_elem = 350,
  array_get32 = 351,
  array_get_s8 = 352,
  array_get_s16 = 353,
  array_get64 = 354,
  array_get128 = 355,
  array_get_ref = 356,
  array_set32 = 357,
  array_set64 = 358,
  array_set128 = 359,
  array_set_ref = 360,
  array_len = 361,
  array_fill = 362,
  array_copy = 363,
  array_init_data = 364,
  array_init_elem = 365,
}
/** Number of register instructions. */
export const R_COUNT = 366;

/** Layout ``: unreachable, return. */
export const enum L_NONE {
  size = 1,
}
/** Layout `t`: br. */
export const enum L_T {
  t = 1,
  size = 2,
}
/** Layout `a t`: br_nez, br_eqz. */
export const enum L_AT {
  a = 1,
  t = 2,
  size = 3,
}
/** Layout `a b t`: br_eq, br_ne, br_lt_s, br_lt_u, … (34). */
export const enum L_ABT {
  a = 1,
  b = 2,
  t = 3,
  size = 4,
}
/** Layout `a i t`: br_eq_imm, br_ne_imm, br_lt_s_imm, br_lt_u_imm, … (10). */
export const enum L_AIT {
  a = 1,
  i = 2,
  t = 3,
  size = 4,
}
/** Layout `d a i b t`: add_br_eq, add_br_ne, add_br_lt_s, add_br_lt_u, … (10). */
export const enum L_DAIBT {
  d = 1,
  a = 2,
  i = 3,
  b = 4,
  t = 5,
  size = 6,
}
/** Layout `d a i j t`: add_br_eq_imm, add_br_ne_imm, add_br_lt_s_imm, add_br_lt_u_imm, … (10). */
export const enum L_DAIJT {
  d = 1,
  a = 2,
  i = 3,
  j = 4,
  t = 5,
  size = 6,
}
/** Layout `d a b c t`: addr_br_eq, addr_br_ne, addr_br_lt_s, addr_br_lt_u, … (10). */
export const enum L_DABCT {
  d = 1,
  a = 2,
  b = 3,
  c = 4,
  t = 5,
  size = 6,
}
/** Layout `a n`: br_table. */
export const enum L_AN {
  a = 1,
  n = 2,
  size = 3,
}
/** Layout `x a`: call, global_set32, global_set64, global_set_ref. */
export const enum L_XA {
  x = 1,
  a = 2,
  size = 3,
}
/** Layout `x y a b`: call_indirect. */
export const enum L_XYAB {
  x = 1,
  y = 2,
  a = 3,
  b = 4,
  size = 5,
}
/** Layout `i`: fuel. */
export const enum L_I {
  i = 1,
  size = 2,
}
/** Layout `d a`: mov32, mov64, mov_ref, mov_f64, … (65). */
export const enum L_DA {
  d = 1,
  a = 2,
  size = 3,
}
/** Layout `d i`: const32. */
export const enum L_DI {
  d = 1,
  i = 2,
  size = 3,
}
/** Layout `d i j`: const64. */
export const enum L_DIJ {
  d = 1,
  i = 2,
  j = 3,
  size = 4,
}
/** Layout `d a b c`: select32, select64, select_ref, f32_mul_add, … (5). */
export const enum L_DABC {
  d = 1,
  a = 2,
  b = 3,
  c = 4,
  size = 5,
}
/** Layout `d x`: global_get32, global_get64, global_get_ref, memory_size_x, … (7). */
export const enum L_DX {
  d = 1,
  x = 2,
  size = 3,
}
/** Layout `d a i`: i32_load, i64_load, f64_load, i32_load8_s, … (41). */
export const enum L_DAI {
  d = 1,
  a = 2,
  i = 3,
  size = 4,
}
/** Layout `a b i`: i32_store, i64_store, f64_store, i32_store8, … (11). */
export const enum L_ABI {
  a = 1,
  b = 2,
  i = 3,
  size = 4,
}
/** Layout `d a b i`: i32_load_rr, i64_load_rr, f64_load_rr, i32_load8_s_rr, … (13). */
export const enum L_DABI {
  d = 1,
  a = 2,
  b = 3,
  i = 4,
  size = 5,
}
/** Layout `a b c i`: i32_store_rr, i64_store_rr, f64_store_rr, i32_store8_rr, … (10). */
export const enum L_ABCI {
  a = 1,
  b = 2,
  c = 3,
  i = 4,
  size = 5,
}
/** Layout `d`: memory_size, ref_null. */
export const enum L_D {
  d = 1,
  size = 2,
}
/** Layout `x a b c`: memory_fill, table_fill. */
export const enum L_XABC {
  x = 1,
  a = 2,
  b = 3,
  c = 4,
  size = 5,
}
/** Layout `x y a b c`: memory_copy, memory_init, table_copy, table_init. */
export const enum L_XYABC {
  x = 1,
  y = 2,
  a = 3,
  b = 4,
  c = 5,
  size = 6,
}
/** Layout `x`: data_drop, elem_drop. */
export const enum L_X {
  x = 1,
  size = 2,
}
/** Layout `d a i j x y`: load_x. */
export const enum L_DAIJXY {
  d = 1,
  a = 2,
  i = 3,
  j = 4,
  x = 5,
  y = 6,
  size = 7,
}
/** Layout `a b i j x y`: store_x. */
export const enum L_ABIJXY {
  a = 1,
  b = 2,
  i = 3,
  j = 4,
  x = 5,
  y = 6,
  size = 7,
}
/** Layout `d x a`: memory_grow_x, table_get, struct_new, array_new_default. */
export const enum L_DXA {
  d = 1,
  x = 2,
  a = 3,
  size = 4,
}
/** Layout `d a b`: i32_eq, i32_ne, i32_lt_s, i32_lt_u, … (83). */
export const enum L_DAB {
  d = 1,
  a = 2,
  b = 3,
  size = 4,
}
/** Layout `d a b c i`: f64_add_m, f64_sub_m, f64_mul_m, f64_div_m. */
export const enum L_DABCI {
  d = 1,
  a = 2,
  b = 3,
  c = 4,
  i = 5,
  size = 6,
}
/** Layout `a a i b b i`: copy8, copy32, copy64. */
export const enum L_AAIBBI {
  a = 1,
  a2 = 2,
  i = 3,
  b = 4,
  b2 = 5,
  i2 = 6,
  size = 7,
}
/** Layout `a b c c i`: f64_add_mul_st, f64_sub_mul_st, f64_mul_add_rmw. */
export const enum L_ABCCI {
  a = 1,
  b = 2,
  c = 3,
  c2 = 4,
  i = 5,
  size = 6,
}
/** Layout `a b b i c c i`: f64_mul_m_add_rmw. */
export const enum L_ABBICCI {
  a = 1,
  b = 2,
  b2 = 3,
  i = 4,
  c = 5,
  c2 = 6,
  i2 = 7,
  size = 8,
}
/** Layout `x a b`: table_set. */
export const enum L_XAB {
  x = 1,
  a = 2,
  b = 3,
  size = 4,
}
/** Layout `d x a b`: table_grow, array_new. */
export const enum L_DXAB {
  d = 1,
  x = 2,
  a = 3,
  b = 4,
  size = 5,
}
/** Layout `d a i j`: ref_test, ref_cast. */
export const enum L_DAIJ {
  d = 1,
  a = 2,
  i = 3,
  j = 4,
  size = 5,
}
/** Layout `d x a i`: array_new_fixed. */
export const enum L_DXAI {
  d = 1,
  x = 2,
  a = 3,
  i = 4,
  size = 5,
}
/** Layout `d x y a b`: array_new_data, array_new_elem. */
export const enum L_DXYAB {
  d = 1,
  x = 2,
  y = 3,
  a = 4,
  b = 5,
  size = 6,
}
/** Layout `a b c`: array_set32, array_set64, array_set128, array_set_ref. */
export const enum L_ABC {
  a = 1,
  b = 2,
  c = 3,
  size = 4,
}
/** Layout `a i`: array_fill, array_copy. */
export const enum L_AI {
  a = 1,
  i = 2,
  size = 3,
}
/** Layout `y a i`: array_init_data. */
export const enum L_YAI {
  y = 1,
  a = 2,
  i = 3,
  size = 4,
}
/** Layout `y a`: array_init_elem. */
export const enum L_YA {
  y = 1,
  a = 2,
  size = 3,
}
