import { readFileSync } from 'node:fs';
import { generate } from '../src/core/generate';
const r = generate(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
for (const f of r.findings) console.log(f.level, f.path, f.message.en);
for (const f of r.files) if (!process.argv[3] || f.path.includes(process.argv[3])) console.log(`=== ${f.path}\n${f.content}`);
