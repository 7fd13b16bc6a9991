/**
 * A bounded walk over a Yjs (v1) update's encoding before Yjs itself decodes it. Crafted updates
 * can make Yjs' decoder loop or allocate without end (yjs #687, #498, #479); this walk reads each
 * count and length against the bytes actually left, so it finishes in time linear in the size of
 * the update and refuses anything that claims more than it carries.
 */

// Content kinds of an Item (low five bits of its info byte), as in Yjs' encoding.
const GC = 0;
const DELETED = 1;
const JSON_CONTENT = 2;
const BINARY = 3;
const STRING = 4;
const EMBED = 5;
const FORMAT = 6;
const TYPE = 7;
const ANY = 8;
const DOC = 9;
const SKIP = 10;
const XML_ELEMENT = 3;
const XML_HOOK = 5;
// No real document gets near this many operations per client.
const MAX_CLOCK = 2 ** 32;
const MAX_ANY_DEPTH = 32;

class Malformed extends Error {}

class BoundedReader {
  private position = 0;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  byte(): number {
    if (this.position >= this.bytes.length) throw new Malformed('更新が途中で切れています');
    return this.bytes[this.position++]!;
  }

  varUint(): number {
    let value = 0;
    let multiplier = 1;
    for (let shift = 0; shift < 53; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
    }
    throw new Malformed('数値が長すぎます');
  }

  varInt(): void {
    let byte = this.byte();
    for (let shift = 6; byte & 0x80; shift += 7) {
      if (shift > 53) throw new Malformed('数値が長すぎます');
      byte = this.byte();
    }
  }

  /** A count of things that each take at least one byte: never more than the bytes left. */
  count(): number {
    const count = this.varUint();
    if (count > this.remaining) throw new Malformed('件数が内容より多く宣言されています');
    return count;
  }

  clockValue(): number {
    const value = this.varUint();
    if (value > MAX_CLOCK) throw new Malformed('時刻の値が大きすぎます');
    return value;
  }

  skip(length: number): void {
    if (length > this.remaining) throw new Malformed('長さが内容より大きく宣言されています');
    this.position += length;
  }

  string(): void {
    this.skip(this.varUint());
  }

  any(depth = 0): void {
    if (depth > MAX_ANY_DEPTH) throw new Malformed('入れ子が深すぎます');
    const type = 127 - this.byte();
    switch (type) {
      case 0: case 1: case 6: case 7: return; // undefined, null, false, true
      case 2: return this.varInt();
      case 3: return this.skip(4);
      case 4: case 5: return this.skip(8);
      case 8: return this.string();
      case 9: {
        const entries = this.count();
        for (let i = 0; i < entries; i += 1) {
          this.string();
          this.any(depth + 1);
        }
        return;
      }
      case 10: {
        const items = this.count();
        for (let i = 0; i < items; i += 1) this.any(depth + 1);
        return;
      }
      case 11: return this.string(); // Uint8Array: length-prefixed like a string
      default: throw new Malformed('不明な値の種類です');
    }
  }
}

function readItemContent(reader: BoundedReader, kind: number): void {
  switch (kind) {
    case DELETED: reader.clockValue(); return;
    case JSON_CONTENT: {
      const count = reader.count();
      for (let i = 0; i < count; i += 1) reader.string();
      return;
    }
    case BINARY: case STRING: case EMBED: reader.string(); return;
    case FORMAT: reader.string(); reader.string(); return;
    case TYPE: {
      const typeRef = reader.varUint();
      if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) reader.string();
      else if (typeRef > 6) throw new Malformed('不明な型です');
      return;
    }
    case ANY: {
      const count = reader.count();
      for (let i = 0; i < count; i += 1) reader.any();
      return;
    }
    case DOC: reader.string(); reader.any(); return;
    default: throw new Malformed('不明な内容の種類です');
  }
}

/** Null when the update is structurally sound, else why not (in Japanese). */
export function updateStructureProblem(update: Uint8Array): string | null {
  const reader = new BoundedReader(update);
  try {
    const clients = reader.count();
    for (let c = 0; c < clients; c += 1) {
      const structs = reader.count();
      reader.varUint(); // client id
      reader.clockValue();
      for (let s = 0; s < structs; s += 1) {
        const info = reader.byte();
        const kind = info & 0b11111;
        if (kind === GC || kind === SKIP) {
          reader.clockValue();
          continue;
        }
        const hasOrigin = (info & 0x80) !== 0;
        const hasRightOrigin = (info & 0x40) !== 0;
        if (hasOrigin) { reader.varUint(); reader.clockValue(); }
        if (hasRightOrigin) { reader.varUint(); reader.clockValue(); }
        if (!hasOrigin && !hasRightOrigin) {
          if (reader.varUint() === 1) reader.string();
          else { reader.varUint(); reader.clockValue(); }
          if ((info & 0x20) !== 0) reader.string();
        }
        readItemContent(reader, kind);
      }
    }
    const deleteClients = reader.count();
    for (let c = 0; c < deleteClients; c += 1) {
      reader.varUint();
      const ranges = reader.count();
      for (let r = 0; r < ranges; r += 1) {
        reader.clockValue();
        reader.clockValue();
      }
    }
    if (reader.remaining !== 0) return '更新の後ろに余分なデータがあります';
    return null;
  } catch (error) {
    if (error instanceof Malformed) return error.message;
    throw error;
  }
}
