/** Schema file name (without .json) for a codec export name: CalendarSpecJson → calendar-spec. */
export declare const schemaName: (exportName: string) => string
/** { [exportName]: JSON Schema } for every codec exported by src/codec/index.ts under `root`. */
export declare const generateSchemas: (root: string) => Record<string, Record<string, unknown>>
