import { serialize } from 'node:v8';

/** How V8 holds a string: its serializer writes '"' (0x22) for one byte a character, 'c' (0x63) for two. */
export function bytesPerCharacter(text: string): 1 | 2 {
  return serialize(text)[2] === 0x22 ? 1 : 2;
}
