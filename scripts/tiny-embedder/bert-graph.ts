import { ONNX_FLOAT, ONNX_INT64, type ModelSpec, type ValueSpec } from './onnx-proto.js';
import { gaussianArray, seededRandom } from './seeded-random.js';

export interface TinyBertShape {
  vocabSize: number;
  hidden: number;
  maxPositions: number;
  typeVocabSize: number;
  seed: number;
}

/**
 * A BERT-shaped encoder small enough to commit: word + position + token-type embeddings, layer norm,
 * one dense tanh layer with a residual, and padded positions zeroed by the attention mask.
 * Inputs input_ids, attention_mask, token_type_ids (int64 [batch, seq]); output last_hidden_state
 * (float32 [batch, seq, hidden]). Weights are random (seeded): it is for tests, not for meaning.
 */
export function tinyBertGraph(shape: TinyBertShape): ModelSpec {
  const random = seededRandom(shape.seed);
  const { vocabSize, hidden, maxPositions, typeVocabSize } = shape;
  const ones = new Float32Array(hidden).fill(1);
  const zeros = new Float32Array(hidden);
  const tokenInput = (name: string): ValueSpec => ({
    name,
    elemType: ONNX_INT64,
    shape: ['batch', 'sequence'],
  });
  return {
    graphName: 'tiny_bert',
    producer: 'outro scripts/build-tiny-embedder.ts',
    opset: 17,
    irVersion: 8,
    inputs: [tokenInput('input_ids'), tokenInput('attention_mask'), tokenInput('token_type_ids')],
    outputs: [{ name: 'last_hidden_state', elemType: ONNX_FLOAT, shape: ['batch', 'sequence', hidden] }],
    initializers: [
      {
        name: 'embeddings.word_embeddings.weight',
        dims: [vocabSize, hidden],
        dataType: ONNX_FLOAT,
        values: gaussianArray(random, vocabSize * hidden, 1),
      },
      {
        name: 'embeddings.position_embeddings.weight',
        dims: [maxPositions, hidden],
        dataType: ONNX_FLOAT,
        values: gaussianArray(random, maxPositions * hidden, 0.1),
      },
      {
        name: 'embeddings.token_type_embeddings.weight',
        dims: [typeVocabSize, hidden],
        dataType: ONNX_FLOAT,
        values: gaussianArray(random, typeVocabSize * hidden, 0.1),
      },
      { name: 'embeddings.LayerNorm.weight', dims: [hidden], dataType: ONNX_FLOAT, values: ones },
      { name: 'embeddings.LayerNorm.bias', dims: [hidden], dataType: ONNX_FLOAT, values: zeros },
      {
        name: 'layer.dense.weight',
        dims: [hidden, hidden],
        dataType: ONNX_FLOAT,
        values: gaussianArray(random, hidden * hidden, 1 / Math.sqrt(hidden)),
      },
      {
        name: 'layer.dense.bias',
        dims: [hidden],
        dataType: ONNX_FLOAT,
        values: gaussianArray(random, hidden, 0.02),
      },
      { name: 'const.zero', dims: [], dataType: ONNX_INT64, values: [0] },
      { name: 'const.one', dims: [], dataType: ONNX_INT64, values: [1] },
      { name: 'const.last_axis', dims: [1], dataType: ONNX_INT64, values: [-1] },
    ],
    nodes: [
      {
        op: 'Gather',
        name: 'word_lookup',
        inputs: ['embeddings.word_embeddings.weight', 'input_ids'],
        outputs: ['word'],
        attributes: [{ name: 'axis', int: 0 }],
      },
      {
        op: 'Gather',
        name: 'type_lookup',
        inputs: ['embeddings.token_type_embeddings.weight', 'token_type_ids'],
        outputs: ['token_type'],
      },
      { op: 'Shape', name: 'ids_shape', inputs: ['input_ids'], outputs: ['ids_shape'] },
      {
        op: 'Gather',
        name: 'sequence_length',
        inputs: ['ids_shape', 'const.one'],
        outputs: ['sequence_length'],
        attributes: [{ name: 'axis', int: 0 }],
      },
      {
        op: 'Range',
        name: 'position_ids',
        inputs: ['const.zero', 'sequence_length', 'const.one'],
        outputs: ['position_ids'],
      },
      {
        op: 'Gather',
        name: 'position_lookup',
        inputs: ['embeddings.position_embeddings.weight', 'position_ids'],
        outputs: ['position'],
      },
      { op: 'Add', name: 'add_type', inputs: ['word', 'token_type'], outputs: ['word_and_type'] },
      { op: 'Add', name: 'add_position', inputs: ['word_and_type', 'position'], outputs: ['embedded'] },
      {
        op: 'LayerNormalization',
        name: 'embeddings_norm',
        inputs: ['embedded', 'embeddings.LayerNorm.weight', 'embeddings.LayerNorm.bias'],
        outputs: ['normed'],
        attributes: [
          { name: 'axis', int: -1 },
          { name: 'epsilon', float: 1e-12 },
        ],
      },
      { op: 'MatMul', name: 'dense', inputs: ['normed', 'layer.dense.weight'], outputs: ['dense'] },
      { op: 'Add', name: 'dense_bias', inputs: ['dense', 'layer.dense.bias'], outputs: ['dense_biased'] },
      { op: 'Tanh', name: 'activation', inputs: ['dense_biased'], outputs: ['activated'] },
      { op: 'Add', name: 'residual', inputs: ['normed', 'activated'], outputs: ['hidden'] },
      {
        op: 'Cast',
        name: 'mask_float',
        inputs: ['attention_mask'],
        outputs: ['mask_float'],
        attributes: [{ name: 'to', int: ONNX_FLOAT }],
      },
      {
        op: 'Unsqueeze',
        name: 'mask_expand',
        inputs: ['mask_float', 'const.last_axis'],
        outputs: ['mask_expanded'],
      },
      {
        op: 'Mul',
        name: 'mask_padding',
        inputs: ['hidden', 'mask_expanded'],
        outputs: ['last_hidden_state'],
      },
    ],
  };
}
