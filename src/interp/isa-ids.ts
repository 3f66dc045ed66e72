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
  return_call = 83,
  return_call_indirect = 84,
  call_ref = 85,
  return_call_ref = 86,
  throw = 87,
  throw_ref = 88,
  ref_as_non_null = 89,
  br_null = 90,
  br_non_null = 91,
  mov32 = 92,
  mov64 = 93,
  mov_ref = 94,
  mov_f64 = 95,
  const32 = 96,
  const64 = 97,
  select32 = 98,
  select64 = 99,
  select_ref = 100,
  global_get32 = 101,
  global_get64 = 102,
  global_get_ref = 103,
  global_set32 = 104,
  global_set64 = 105,
  global_set_ref = 106,
  i32_load = 107,
  i64_load = 108,
  f64_load = 109,
  i32_load8_s = 110,
  i32_load8_u = 111,
  i32_load16_s = 112,
  i32_load16_u = 113,
  i64_load8_s = 114,
  i64_load8_u = 115,
  i64_load16_s = 116,
  i64_load16_u = 117,
  i64_load32_s = 118,
  i64_load32_u = 119,
  i32_store = 120,
  i64_store = 121,
  f64_store = 122,
  i32_store8 = 123,
  i32_store16 = 124,
  i32_load_rr = 125,
  i64_load_rr = 126,
  f64_load_rr = 127,
  i32_load8_s_rr = 128,
  i32_load8_u_rr = 129,
  i32_load16_s_rr = 130,
  i32_load16_u_rr = 131,
  i64_load8_s_rr = 132,
  i64_load8_u_rr = 133,
  i64_load16_s_rr = 134,
  i64_load16_u_rr = 135,
  i64_load32_s_rr = 136,
  i64_load32_u_rr = 137,
  i32_store_rr = 138,
  i64_store_rr = 139,
  f64_store_rr = 140,
  i32_store8_rr = 141,
  i32_store16_rr = 142,
  memory_size = 143,
  memory_grow = 144,
  memory_fill = 145,
  memory_copy = 146,
  memory_init = 147,
  data_drop = 148,
  load_x = 149,
  store_x = 150,
  memory_size_x = 151,
  memory_grow_x = 152,
  i32_eqz = 153,
  i32_eq = 154,
  i32_ne = 155,
  i32_lt_s = 156,
  i32_lt_u = 157,
  i32_gt_s = 158,
  i32_gt_u = 159,
  i32_le_s = 160,
  i32_le_u = 161,
  i32_ge_s = 162,
  i32_ge_u = 163,
  i32_eq_imm = 164,
  i32_ne_imm = 165,
  i32_lt_s_imm = 166,
  i32_lt_u_imm = 167,
  i32_gt_s_imm = 168,
  i32_gt_u_imm = 169,
  i32_le_s_imm = 170,
  i32_le_u_imm = 171,
  i32_ge_s_imm = 172,
  i32_ge_u_imm = 173,
  i32_clz = 174,
  i32_ctz = 175,
  i32_popcnt = 176,
  i32_extend8_s = 177,
  i32_extend16_s = 178,
  i32_add = 179,
  i32_sub = 180,
  i32_mul = 181,
  i32_div_s = 182,
  i32_div_u = 183,
  i32_rem_s = 184,
  i32_rem_u = 185,
  i32_and = 186,
  i32_or = 187,
  i32_xor = 188,
  i32_shl = 189,
  i32_shr_s = 190,
  i32_shr_u = 191,
  i32_rotl = 192,
  i32_rotr = 193,
  i32_add_imm = 194,
  i32_mul_imm = 195,
  i32_and_imm = 196,
  i32_or_imm = 197,
  i32_xor_imm = 198,
  i32_shl_imm = 199,
  i32_shr_s_imm = 200,
  i32_shr_u_imm = 201,
  i64_eqz = 202,
  i64_eq = 203,
  i64_ne = 204,
  i64_lt_s = 205,
  i64_lt_u = 206,
  i64_gt_s = 207,
  i64_gt_u = 208,
  i64_le_s = 209,
  i64_le_u = 210,
  i64_ge_s = 211,
  i64_ge_u = 212,
  i64_clz = 213,
  i64_ctz = 214,
  i64_popcnt = 215,
  i64_extend8_s = 216,
  i64_extend16_s = 217,
  i64_extend32_s = 218,
  i64_add = 219,
  i64_sub = 220,
  i64_mul = 221,
  i64_div_s = 222,
  i64_div_u = 223,
  i64_rem_s = 224,
  i64_rem_u = 225,
  i64_and = 226,
  i64_or = 227,
  i64_xor = 228,
  i64_shl = 229,
  i64_shr_s = 230,
  i64_shr_u = 231,
  i64_rotl = 232,
  i64_rotr = 233,
  i64_add_imm = 234,
  i64_shl_imm = 235,
  i64_shr_s_imm = 236,
  i64_shr_u_imm = 237,
  f32_eq = 238,
  f32_ne = 239,
  f32_lt = 240,
  f32_gt = 241,
  f32_le = 242,
  f32_ge = 243,
  f32_abs = 244,
  f32_neg = 245,
  f32_ceil = 246,
  f32_floor = 247,
  f32_trunc = 248,
  f32_nearest = 249,
  f32_sqrt = 250,
  f32_add = 251,
  f32_sub = 252,
  f32_mul = 253,
  f32_div = 254,
  f32_min = 255,
  f32_max = 256,
  f32_copysign = 257,
  f64_eq = 258,
  f64_ne = 259,
  f64_lt = 260,
  f64_gt = 261,
  f64_le = 262,
  f64_ge = 263,
  f64_abs = 264,
  f64_neg = 265,
  f64_ceil = 266,
  f64_floor = 267,
  f64_trunc = 268,
  f64_nearest = 269,
  f64_sqrt = 270,
  f64_add = 271,
  f64_sub = 272,
  f64_mul = 273,
  f64_div = 274,
  f64_min = 275,
  f64_max = 276,
  f64_copysign = 277,
  f64_add_m = 278,
  f64_sub_m = 279,
  f64_mul_m = 280,
  f64_div_m = 281,
  f64_add_st = 282,
  f64_sub_st = 283,
  f64_mul_st = 284,
  f64_div_st = 285,
  f32_mul_add = 286,
  f32_add_mul = 287,
  f64_add_rmw = 288,
  copy8 = 289,
  copy32 = 290,
  copy64 = 291,
  f64_add_mul_st = 292,
  f64_sub_mul_st = 293,
  f64_mul_add_rmw = 294,
  f64_mul_m_add_rmw = 295,
  i32_trunc_f32_s = 296,
  i32_trunc_f32_u = 297,
  i32_trunc_f64_s = 298,
  i32_trunc_f64_u = 299,
  i64_extend_i32_s = 300,
  i64_extend_i32_u = 301,
  i64_trunc_f32_s = 302,
  i64_trunc_f32_u = 303,
  i64_trunc_f64_s = 304,
  i64_trunc_f64_u = 305,
  f32_convert_i32_s = 306,
  f32_convert_i32_u = 307,
  f32_convert_i64_s = 308,
  f32_convert_i64_u = 309,
  f32_demote_f64 = 310,
  f64_convert_i32_s = 311,
  f64_convert_i32_u = 312,
  f64_convert_i64_s = 313,
  f64_convert_i64_u = 314,
  f64_promote_f32 = 315,
  i32_trunc_sat_f32_s = 316,
  i32_trunc_sat_f32_u = 317,
  i32_trunc_sat_f64_s = 318,
  i32_trunc_sat_f64_u = 319,
  i64_trunc_sat_f32_s = 320,
  i64_trunc_sat_f32_u = 321,
  i64_trunc_sat_f64_s = 322,
  i64_trunc_sat_f64_u = 323,
  ref_null = 324,
  ref_is_null = 325,
  ref_func = 326,
  table_get = 327,
  table_set = 328,
  table_size = 329,
  table_grow = 330,
  table_fill = 331,
  table_copy = 332,
  table_init = 333,
  elem_drop = 334,
  ref_eq = 335,
  ref_i31 = 336,
  i31_get_s = 337,
  i31_get_u = 338,
  ref_test = 339,
  ref_cast = 340,
  struct_new = 341,
  struct_new_default = 342,
  struct_get32 = 343,
  struct_get_s8 = 344,
  struct_get_s16 = 345,
  struct_get64 = 346,
  struct_get128 = 347,
  struct_get_ref = 348,
  struct_set32 = 349,
  struct_set8 = 350,
  struct_set16 = 351,
  struct_set64 = 352,
  struct_set128 = 353,
  struct_set_ref = 354,
  array_new = 355,
  array_new_default = 356,
  array_new_fixed = 357,
  array_new_data = 358,
  array_new_elem = 359,
  array_get32 = 360,
  array_get_s8 = 361,
  array_get_s16 = 362,
  array_get64 = 363,
  array_get128 = 364,
  array_get_ref = 365,
  array_set32 = 366,
  array_set64 = 367,
  array_set128 = 368,
  array_set_ref = 369,
  array_len = 370,
  array_fill = 371,
  array_copy = 372,
  array_init_data = 373,
  array_init_elem = 374,
}
/** Number of register instructions. */
export const R_COUNT = 375;

/** Layout ``: unreachable, return. */
export const enum L_NONE {
  size = 1,
}
/** Layout `t`: br. */
export const enum L_T {
  t = 1,
  size = 2,
}
/** Layout `a t`: br_nez, br_eqz, br_null, br_non_null. */
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
/** Layout `x a`: call, return_call, throw, global_set32, … (6). */
export const enum L_XA {
  x = 1,
  a = 2,
  size = 3,
}
/** Layout `x y a b`: call_indirect, return_call_indirect. */
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
/** Layout `a b`: call_ref, return_call_ref. */
export const enum L_AB {
  a = 1,
  b = 2,
  size = 3,
}
/** Layout `a`: throw_ref. */
export const enum L_A {
  a = 1,
  size = 2,
}
/** Layout `d a`: ref_as_non_null, mov32, mov64, mov_ref, … (66). */
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
