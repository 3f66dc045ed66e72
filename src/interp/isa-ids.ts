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
  br_table = 54,
  return = 55,
  call = 56,
  call_indirect = 57,
  fuel = 58,
  mov32 = 59,
  mov64 = 60,
  mov_ref = 61,
  mov_f64 = 62,
  const32 = 63,
  const64 = 64,
  select32 = 65,
  select64 = 66,
  select_ref = 67,
  global_get32 = 68,
  global_get64 = 69,
  global_get_ref = 70,
  global_set32 = 71,
  global_set64 = 72,
  global_set_ref = 73,
  i32_load = 74,
  i64_load = 75,
  f64_load = 76,
  i32_load8_s = 77,
  i32_load8_u = 78,
  i32_load16_s = 79,
  i32_load16_u = 80,
  i64_load8_s = 81,
  i64_load8_u = 82,
  i64_load16_s = 83,
  i64_load16_u = 84,
  i64_load32_s = 85,
  i64_load32_u = 86,
  i32_store = 87,
  i64_store = 88,
  f64_store = 89,
  i32_store8 = 90,
  i32_store16 = 91,
  i32_load_rr = 92,
  i64_load_rr = 93,
  f64_load_rr = 94,
  i32_load8_s_rr = 95,
  i32_load8_u_rr = 96,
  i32_load16_s_rr = 97,
  i32_load16_u_rr = 98,
  i64_load8_s_rr = 99,
  i64_load8_u_rr = 100,
  i64_load16_s_rr = 101,
  i64_load16_u_rr = 102,
  i64_load32_s_rr = 103,
  i64_load32_u_rr = 104,
  i32_store_rr = 105,
  i64_store_rr = 106,
  f64_store_rr = 107,
  i32_store8_rr = 108,
  i32_store16_rr = 109,
  memory_size = 110,
  memory_grow = 111,
  memory_fill = 112,
  memory_copy = 113,
  memory_init = 114,
  data_drop = 115,
  load_x = 116,
  store_x = 117,
  memory_size_x = 118,
  memory_grow_x = 119,
  i32_eqz = 120,
  i32_eq = 121,
  i32_ne = 122,
  i32_lt_s = 123,
  i32_lt_u = 124,
  i32_gt_s = 125,
  i32_gt_u = 126,
  i32_le_s = 127,
  i32_le_u = 128,
  i32_ge_s = 129,
  i32_ge_u = 130,
  i32_eq_imm = 131,
  i32_ne_imm = 132,
  i32_lt_s_imm = 133,
  i32_lt_u_imm = 134,
  i32_gt_s_imm = 135,
  i32_gt_u_imm = 136,
  i32_le_s_imm = 137,
  i32_le_u_imm = 138,
  i32_ge_s_imm = 139,
  i32_ge_u_imm = 140,
  i32_clz = 141,
  i32_ctz = 142,
  i32_popcnt = 143,
  i32_extend8_s = 144,
  i32_extend16_s = 145,
  i32_add = 146,
  i32_sub = 147,
  i32_mul = 148,
  i32_div_s = 149,
  i32_div_u = 150,
  i32_rem_s = 151,
  i32_rem_u = 152,
  i32_and = 153,
  i32_or = 154,
  i32_xor = 155,
  i32_shl = 156,
  i32_shr_s = 157,
  i32_shr_u = 158,
  i32_rotl = 159,
  i32_rotr = 160,
  i32_add_imm = 161,
  i32_mul_imm = 162,
  i32_and_imm = 163,
  i32_or_imm = 164,
  i32_xor_imm = 165,
  i32_shl_imm = 166,
  i32_shr_s_imm = 167,
  i32_shr_u_imm = 168,
  i64_eqz = 169,
  i64_eq = 170,
  i64_ne = 171,
  i64_lt_s = 172,
  i64_lt_u = 173,
  i64_gt_s = 174,
  i64_gt_u = 175,
  i64_le_s = 176,
  i64_le_u = 177,
  i64_ge_s = 178,
  i64_ge_u = 179,
  i64_clz = 180,
  i64_ctz = 181,
  i64_popcnt = 182,
  i64_extend8_s = 183,
  i64_extend16_s = 184,
  i64_extend32_s = 185,
  i64_add = 186,
  i64_sub = 187,
  i64_mul = 188,
  i64_div_s = 189,
  i64_div_u = 190,
  i64_rem_s = 191,
  i64_rem_u = 192,
  i64_and = 193,
  i64_or = 194,
  i64_xor = 195,
  i64_shl = 196,
  i64_shr_s = 197,
  i64_shr_u = 198,
  i64_rotl = 199,
  i64_rotr = 200,
  i64_add_imm = 201,
  i64_shl_imm = 202,
  i64_shr_s_imm = 203,
  i64_shr_u_imm = 204,
  f32_eq = 205,
  f32_ne = 206,
  f32_lt = 207,
  f32_gt = 208,
  f32_le = 209,
  f32_ge = 210,
  f32_abs = 211,
  f32_neg = 212,
  f32_ceil = 213,
  f32_floor = 214,
  f32_trunc = 215,
  f32_nearest = 216,
  f32_sqrt = 217,
  f32_add = 218,
  f32_sub = 219,
  f32_mul = 220,
  f32_div = 221,
  f32_min = 222,
  f32_max = 223,
  f32_copysign = 224,
  f64_eq = 225,
  f64_ne = 226,
  f64_lt = 227,
  f64_gt = 228,
  f64_le = 229,
  f64_ge = 230,
  f64_abs = 231,
  f64_neg = 232,
  f64_ceil = 233,
  f64_floor = 234,
  f64_trunc = 235,
  f64_nearest = 236,
  f64_sqrt = 237,
  f64_add = 238,
  f64_sub = 239,
  f64_mul = 240,
  f64_div = 241,
  f64_min = 242,
  f64_max = 243,
  f64_copysign = 244,
  f64_add_m = 245,
  f64_sub_m = 246,
  f64_mul_m = 247,
  f64_div_m = 248,
  f64_add_st = 249,
  f64_sub_st = 250,
  f64_mul_st = 251,
  f64_div_st = 252,
  f64_add_rmw = 253,
  copy8 = 254,
  copy32 = 255,
  copy64 = 256,
  f64_add_mul_st = 257,
  f64_sub_mul_st = 258,
  f64_mul_add_rmw = 259,
  f64_mul_m_add_rmw = 260,
  i32_trunc_f32_s = 261,
  i32_trunc_f32_u = 262,
  i32_trunc_f64_s = 263,
  i32_trunc_f64_u = 264,
  i64_extend_i32_s = 265,
  i64_extend_i32_u = 266,
  i64_trunc_f32_s = 267,
  i64_trunc_f32_u = 268,
  i64_trunc_f64_s = 269,
  i64_trunc_f64_u = 270,
  f32_convert_i32_s = 271,
  f32_convert_i32_u = 272,
  f32_convert_i64_s = 273,
  f32_convert_i64_u = 274,
  f32_demote_f64 = 275,
  f64_convert_i32_s = 276,
  f64_convert_i32_u = 277,
  f64_convert_i64_s = 278,
  f64_convert_i64_u = 279,
  f64_promote_f32 = 280,
  i32_trunc_sat_f32_s = 281,
  i32_trunc_sat_f32_u = 282,
  i32_trunc_sat_f64_s = 283,
  i32_trunc_sat_f64_u = 284,
  i64_trunc_sat_f32_s = 285,
  i64_trunc_sat_f32_u = 286,
  i64_trunc_sat_f64_s = 287,
  i64_trunc_sat_f64_u = 288,
  ref_null = 289,
  ref_is_null = 290,
  ref_func = 291,
  table_get = 292,
  table_set = 293,
  table_size = 294,
  table_grow = 295,
  table_fill = 296,
  table_copy = 297,
  table_init = 298,
  elem_drop = 299,
  ref_eq = 300,
  ref_i31 = 301,
  i31_get_s = 302,
  i31_get_u = 303,
  ref_test = 304,
  ref_cast = 305,
  struct_new = 306,
  struct_new_default = 307,
  struct_get32 = 308,
  struct_get_s8 = 309,
  struct_get_s16 = 310,
  struct_get64 = 311,
  struct_get128 = 312,
  struct_get_ref = 313,
  struct_set32 = 314,
  struct_set8 = 315,
  struct_set16 = 316,
  struct_set64 = 317,
  struct_set128 = 318,
  struct_set_ref = 319,
  array_new = 320,
  array_new_default = 321,
  array_new_fixed = 322,
  array_new_data = 323,
  array_new_elem = 324,
  array_get32 = 325,
  array_get_s8 = 326,
  array_get_s16 = 327,
  array_get64 = 328,
  array_get128 = 329,
  array_get_ref = 330,
  array_set32 = 331,
  array_set64 = 332,
  array_set128 = 333,
  array_set_ref = 334,
  array_len = 335,
  array_fill = 336,
  array_copy = 337,
  array_init_data = 338,
  array_init_elem = 339,
}
/** Number of register instructions. */
export const R_COUNT = 340;

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
/** Layout `a b t`: br_eq, br_ne, br_lt_s, br_lt_u, … (10). */
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
/** Layout `d a b c`: select32, select64, select_ref. */
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
