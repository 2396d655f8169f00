/**
 * Writes models/tiny-embedder/ (a tiny random BERT-style ONNX encoder, its WordPiece tokenizer and
 * configs) and checks the graph loads and runs in onnxruntime-node.
 *
 *   npx tsx scripts/build-tiny-embedder.ts [output-dir]
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { writeTinyEmbedder } from './tiny-embedder/build.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = resolve(process.argv[2] ?? join(root, 'models', 'tiny-embedder'));
const built = writeTinyEmbedder(dir);
const modelPath = join(dir, 'onnx', 'model.onnx');

const session = await ort.InferenceSession.create(modelPath);
const ids = new ort.Tensor('int64', BigInt64Array.from([2n, 10n, 11n, 3n, 2n, 12n, 3n, 0n]), [2, 4]);
const mask = new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 1n, 1n, 1n, 1n, 0n]), [2, 4]);
const types = new ort.Tensor('int64', new BigInt64Array(8), [2, 4]);
const result = await session.run({ input_ids: ids, attention_mask: mask, token_type_ids: types });
const hidden = result.last_hidden_state;
if (!hidden || hidden.dims.join(',') !== `2,4,${built.hidden}`)
  throw new Error(`unexpected output shape ${hidden?.dims.join('x')}`);
const padded = (hidden.data as Float32Array).slice(7 * built.hidden, 8 * built.hidden);
if (padded.some((value) => value !== 0)) throw new Error('padded position is not zero');
const total = [...built.files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
console.log(
  `wrote ${dir}: vocab ${built.vocabSize}, hidden ${built.hidden}, ${built.files.size} files, ${total} bytes; onnxruntime-node ran it: inputs ${session.inputNames.join(', ')} -> ${session.outputNames.join(', ')} [${hidden.dims.join(', ')}]`,
);
