// tiktoken (OpenAI's BPE tokenizer, Rust): encode and decode. Prints JSON.
import { get_encoding } from 'tiktoken';

const enc = get_encoding('cl100k_base');
const tokens = enc.encode('hello world, this is tiktoken running on tswasm');
console.log(JSON.stringify([Array.from(tokens), new TextDecoder().decode(enc.decode(tokens))]));
enc.free();
