import { ProtoWriter } from './protobuf-writer.js';

/**
 * ONNX messages (onnx.proto, proto2) as protobuf bytes: ModelProto, GraphProto, NodeProto,
 * TensorProto, ValueInfoProto and AttributeProto, with only the fields a small graph needs.
 */

export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;

const ATTRIBUTE_FLOAT = 1;
const ATTRIBUTE_INT = 2;

export interface Attribute {
  name: string;
  int?: number;
  float?: number;
}

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attributes?: Attribute[];
}

export interface TensorSpec {
  name: string;
  dims: number[];
  dataType: typeof ONNX_FLOAT | typeof ONNX_INT64;
  values: ArrayLike<number>;
}

/** A graph input or output: element type and a shape whose strings are symbolic (dynamic) dims. */
export interface ValueSpec {
  name: string;
  elemType: typeof ONNX_FLOAT | typeof ONNX_INT64;
  shape: Array<number | string>;
}

export interface ModelSpec {
  graphName: string;
  producer: string;
  opset: number;
  irVersion: number;
  nodes: NodeSpec[];
  initializers: TensorSpec[];
  inputs: ValueSpec[];
  outputs: ValueSpec[];
}

export function encodeModel(spec: ModelSpec): Buffer {
  const graph = new ProtoWriter();
  for (const node of spec.nodes) graph.message(1, encodeNode(node));
  graph.string(2, spec.graphName);
  for (const tensor of spec.initializers) graph.message(5, encodeTensor(tensor));
  for (const input of spec.inputs) graph.message(11, encodeValueInfo(input));
  for (const output of spec.outputs) graph.message(12, encodeValueInfo(output));
  const opset = new ProtoWriter().string(1, '').varint(2, spec.opset);
  return new ProtoWriter()
    .varint(1, spec.irVersion)
    .string(2, spec.producer)
    .string(3, '1')
    .message(7, graph)
    .message(8, opset)
    .finish();
}

function encodeNode(node: NodeSpec): ProtoWriter {
  const out = new ProtoWriter();
  for (const input of node.inputs) out.string(1, input);
  for (const output of node.outputs) out.string(2, output);
  out.string(3, node.name).string(4, node.op);
  for (const attribute of node.attributes ?? []) out.message(5, encodeAttribute(attribute));
  return out;
}

function encodeAttribute(attribute: Attribute): ProtoWriter {
  const out = new ProtoWriter().string(1, attribute.name);
  if (attribute.float !== undefined) return out.float(2, attribute.float).varint(20, ATTRIBUTE_FLOAT);
  if (attribute.int !== undefined) return out.varint(3, attribute.int).varint(20, ATTRIBUTE_INT);
  throw new Error(`attribute ${attribute.name} has no value`);
}

function encodeTensor(tensor: TensorSpec): ProtoWriter {
  const out = new ProtoWriter();
  for (const dim of tensor.dims) out.varint(1, dim);
  out.varint(2, tensor.dataType).string(8, tensor.name);
  return out.bytes(9, rawData(tensor));
}

function rawData(tensor: TensorSpec): Buffer {
  const width = tensor.dataType === ONNX_FLOAT ? 4 : 8;
  const bytes = Buffer.alloc(tensor.values.length * width);
  for (let index = 0; index < tensor.values.length; index++) {
    if (tensor.dataType === ONNX_FLOAT) bytes.writeFloatLE(tensor.values[index], index * 4);
    else bytes.writeBigInt64LE(BigInt(tensor.values[index]), index * 8);
  }
  return bytes;
}

function encodeValueInfo(value: ValueSpec): ProtoWriter {
  const shape = new ProtoWriter();
  for (const dim of value.shape) {
    shape.message(
      1,
      typeof dim === 'number' ? new ProtoWriter().varint(1, dim) : new ProtoWriter().string(2, dim),
    );
  }
  const tensorType = new ProtoWriter().varint(1, value.elemType).message(2, shape);
  const type = new ProtoWriter().message(1, tensorType);
  return new ProtoWriter().string(1, value.name).message(2, type);
}
