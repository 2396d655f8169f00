import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tinyBertGraph } from './bert-graph.js';
import { encodeModel } from './onnx-proto.js';
import { tokenizerConfigJson, tokenizerJson } from './tokenizer-files.js';
import { buildVocabulary } from './vocabulary.js';

export const TINY_EMBEDDER_HIDDEN = 32;
const MAX_POSITIONS = 128;
const SEED = 20260520;

export interface TinyEmbedderFiles {
  /** Relative path -> bytes. */
  files: Map<string, Buffer>;
  vocabSize: number;
  hidden: number;
}

/** Everything models/tiny-embedder/ holds, as bytes; the same bytes on every run (seeded). */
export function tinyEmbedderFiles(): TinyEmbedderFiles {
  const vocabulary = buildVocabulary();
  const hidden = TINY_EMBEDDER_HIDDEN;
  const onnx = encodeModel(
    tinyBertGraph({
      vocabSize: vocabulary.length,
      hidden,
      maxPositions: MAX_POSITIONS,
      typeVocabSize: 2,
      seed: SEED,
    }),
  );
  const config = {
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: vocabulary.length,
    hidden_size: hidden,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: hidden,
    hidden_act: 'tanh',
    max_position_embeddings: MAX_POSITIONS,
    type_vocab_size: 2,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
    'transformers.js_config': { dtype: 'fp32' },
  };
  const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const files = new Map<string, Buffer>([
    ['onnx/model.onnx', onnx],
    ['config.json', json(config)],
    ['tokenizer.json', json(tokenizerJson(vocabulary))],
    ['tokenizer_config.json', json(tokenizerConfigJson(MAX_POSITIONS))],
    ['README.md', Buffer.from(README)],
  ]);
  return { files, vocabSize: vocabulary.length, hidden };
}

export function writeTinyEmbedder(dir: string): TinyEmbedderFiles {
  const built = tinyEmbedderFiles();
  for (const [relative, bytes] of built.files) {
    const target = join(dir, relative);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, bytes);
  }
  return built;
}

const README = `# tiny-embedder

A BERT-shaped sentence encoder with random (seeded) weights, written by
\`scripts/build-tiny-embedder.ts\` (\`npx tsx scripts/build-tiny-embedder.ts\`). It exists so tests run
the real @huggingface/transformers loading code (config.json, tokenizer.json, onnx/model.onnx)
with no network. Its vectors carry no meaning beyond shared tokens; do not use it for real search.
`;
