import { getMetadataStorage } from 'class-validator';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; type?: unknown };
interface OpenApiDocument {
  components?: { schemas?: Record<string, unknown> };
}

/**
 * Each class-validator rule as the JSON-schema keyword that says the same, so the OpenAPI
 * document states what the API enforces (lengths, patterns, item counts, ranges, formats)
 * without each DTO saying it twice. A rule with no keyword (a cross-field rule, a custom
 * check) is left to the property's description.
 */
const KEYWORDS: Record<string, (constraints: unknown[]) => Schema> = {
  maxLength: ([n]) => ({ maxLength: n }),
  minLength: ([n]) => ({ minLength: n }),
  isNotEmpty: () => ({ minLength: 1 }),
  matches: ([pattern]) => (pattern instanceof RegExp ? { pattern: pattern.source } : {}),
  arrayMaxSize: ([n]) => ({ maxItems: n }),
  arrayMinSize: ([n]) => ({ minItems: n }),
  arrayNotEmpty: () => ({ minItems: 1 }),
  isIn: ([values]) => ({ enum: values }),
  min: ([n]) => ({ minimum: n }),
  max: ([n]) => ({ maximum: n }),
  isInt: () => ({ type: 'integer' }),
  isUuid: () => ({ format: 'uuid' }),
  isEmail: () => ({ format: 'email' }),
  isCalendarDate: () => ({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  isISO4217CurrencyCode: () => ({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' }),
  isISO31661Alpha2: () => ({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code' }),
};

/** Writes every DTO's class-validator rules into its schema in the document (by class name, as @nestjs/swagger names them). */
export function mirrorValidationRules<Document extends OpenApiDocument>(document: Document): Document {
  const schemas = document.components?.schemas ?? {};
  // class-validator keeps its rules by class in a member it does not publish; reading it is
  // the only way to list every DTO's rules without naming every DTO class here.
  for (const [target, rules] of getMetadataStorage()['validationMetadatas']) {
    const schema = schemas[(target as { name?: string }).name ?? ''] as Schema | undefined;
    if (!schema?.properties) continue;
    for (const rule of rules) {
      const property = schema.properties[rule.propertyName];
      const keywords = KEYWORDS[rule.name ?? '']?.(rule.constraints ?? []);
      if (!property || !keywords) continue;
      const at = rule.each && property.items ? property.items : property;
      for (const [keyword, value] of Object.entries(keywords)) {
        if (keyword === 'description') continue;
        // What the DTO wrote itself wins; a $ref'd object gets no scalar keywords.
        if (at[keyword] === undefined && at.$ref === undefined) at[keyword] = value;
      }
    }
  }
  return document;
}
