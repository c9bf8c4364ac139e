// Parses and validates an AsyncAPI document with @asyncapi/parser; the event schemas refer to each other by
// their $id (urn:jixiao:…), which this resolves to the files beside the document.
// Usage: node validate-asyncapi.mjs path/to/asyncapi.yaml   (exit 1 on any error; prints each diagnostic)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = resolve(process.argv[2]);
const dir = dirname(file);
const urns = {
  'urn:jixiao:event:envelope:1': join(dir, 'envelope.schema.json'),
  'urn:jixiao:interchange:project:1': join(dir, '..', 'contracts', 'project.schema.json'),
};
const parser = new Parser({
  __unstable: {
    resolver: {
      resolvers: [{
        schema: 'urn',
        read: (uri) => {
          const path = urns[uri.toString()];
          if (!path) throw new Error(`unknown reference ${uri}`);
          return readFileSync(path, 'utf8');
        },
      }],
    },
  },
});
const { document, diagnostics } = await parser.parse(readFileSync(file, 'utf8'), { source: pathToFileURL(file).href });
const names = ['error', 'warning', 'information', 'hint'];
for (const d of diagnostics) {
  console.log(`${names[d.severity]} ${d.code} ${d.path.join('/')}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
if (!document || errors > 0) {
  console.log(`asyncapi: ${errors} errors`);
  process.exit(1);
}
console.log(`asyncapi: valid ${document.version()}, ${document.channels().length} channels, ${document.allMessages().length} messages`);
