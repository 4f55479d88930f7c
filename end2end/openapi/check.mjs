// Validates an OpenAPI document (server/openapi.json) against the OpenAPI
// specification's own JSON Schema, and fails on any error: CI runs it from
// scripts/test. (That the document describes exactly the server's routes
// is checked by the Rust test the_openapi_document_describes_every_api_route.)
import { Validator } from '@seriousme/openapi-schema-validator';
import { readFile } from 'node:fs/promises';

const file = process.argv[2];
if (!file) {
  console.error('usage: node openapi/check.mjs <openapi.json>');
  process.exit(2);
}
const document = JSON.parse(await readFile(file, 'utf8'));
const validator = new Validator();
const result = await validator.validate(document);
if (!result.valid) {
  console.error(`${file} is not valid OpenAPI ${validator.version}:`);
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
const operations = Object.values(document.paths).flatMap((item) => Object.keys(item));
console.log(`${file}: valid OpenAPI ${validator.version}, ${operations.length} operations`);
