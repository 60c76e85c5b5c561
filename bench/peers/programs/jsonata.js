// Applies mapping.jsonata to each line of an NDJSON file, or of standard input without a file,
// and writes one line per mapped record to standard output.
// usage: node jsonata.js [FILE]
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const jsonata = require(path.join(__dirname, '..', 'node_modules', 'jsonata'));

// Output is collected into chunks of about this many characters before each write.
const kChunkChars = 1 << 20;

async function main() {
  const source = fs.readFileSync(path.join(__dirname, 'mapping.jsonata'), 'utf8');
  const expression = jsonata(source);
  const input = process.argv[2] ? fs.createReadStream(process.argv[2]) : process.stdin;
  const lines = readline.createInterface({input, crlfDelay: Infinity});

  let chunk = '';
  for await (const line of lines) {
    if (line === '') continue;
    // JSONata 2 evaluates asynchronously, so each record costs one awaited promise.
    const mapped = await expression.evaluate(JSON.parse(line));
    if (mapped === undefined) continue;
    chunk += JSON.stringify(mapped) + '\n';
    if (chunk.length >= kChunkChars) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
}

// Writes text to standard output and resolves once it is flushed to the pipe or file.
function write(text) {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

main().catch((error) => {
  console.error(`jsonata.js: ${error.message}`);
  process.exit(1);
});
