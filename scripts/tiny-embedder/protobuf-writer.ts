/**
 * The few protobuf wire-format pieces an ONNX file needs: varints, tags, length-delimited fields.
 * Written by hand so the builder depends on nothing but Node.
 */
const VARINT = 0;
const FIXED32 = 5;
const LENGTH_DELIMITED = 2;

export class ProtoWriter {
  private readonly chunks: Buffer[] = [];

  /** int32/int64/enum/bool field; negative numbers take ten bytes (two's complement), as protobuf requires. */
  varint(field: number, value: number | bigint): this {
    this.tag(field, VARINT);
    this.rawVarint(BigInt.asUintN(64, BigInt(value)));
    return this;
  }

  float(field: number, value: number): this {
    this.tag(field, FIXED32);
    const bytes = Buffer.alloc(4);
    bytes.writeFloatLE(value);
    this.chunks.push(bytes);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, Buffer.from(value, 'utf8'));
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, LENGTH_DELIMITED);
    this.rawVarint(BigInt(value.length));
    this.chunks.push(Buffer.from(value));
    return this;
  }

  message(field: number, message: ProtoWriter): this {
    return this.bytes(field, message.finish());
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks);
  }

  private tag(field: number, wireType: number): void {
    this.rawVarint(BigInt((field << 3) | wireType));
  }

  private rawVarint(value: bigint): void {
    const out: number[] = [];
    let rest = value;
    do {
      let byte = Number(rest & 0x7fn);
      rest >>= 7n;
      if (rest > 0n) byte |= 0x80;
      out.push(byte);
    } while (rest > 0n);
    this.chunks.push(Buffer.from(out));
  }
}
