import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Files a local sentence-embedding directory needs for @huggingface/transformers (fp32 ONNX). */
export const LOCAL_EMBEDDER_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
] as const;

/** The required files that are not in `dir` (all of them when the directory is missing). */
export function missingLocalModelFiles(dir: string): string[] {
  if (!existsSync(dir)) return [...LOCAL_EMBEDDER_FILES];
  return LOCAL_EMBEDDER_FILES.filter((file) => !existsSync(join(dir, file)));
}
