/**
 * The printer: module → readable text format (stub; see below).
 */
import type { Module } from '../ast/module.js';

/** Prints a module as text. */
export function printWat(m: Uint8Array | Module): string {
  void m;
  throw new Error('printWat: not implemented yet');
}
