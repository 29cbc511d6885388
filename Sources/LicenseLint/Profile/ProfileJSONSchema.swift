/// The profile schema as JSON Schema (draft 2020-12), for editors to complete and validate profiles.
public enum ProfileJSONSchema {
    public static func document() -> JSON {
        var props: [(String, JSON)] = []
        for f in ProfileSchema.topLevel { props.append((f.key, field(f))) }
        for s in ProfileSchema.sections {
            props.append((s.key, .object([
                ("type", .string("object")), ("description", .string(s.help)), ("additionalProperties", .bool(false)),
                ("properties", .object(s.fields.map { ($0.key, field($0)) })),
            ])))
        }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://licenselint.dev/schema/profile-v1.json")),
            ("title", .string("licenselint deployment profile")),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("properties", .object(props)),
        ])
    }

    static func field(_ f: ProfileSchema.Field) -> JSON {
        var o: [(String, JSON)] = [("description", .string(f.help))]
        let countPattern = "^[0-9][0-9_,]*(\\.[0-9]+)?\\s*([kKmMbB]|[Mm]illion|[Bb]illion|[Tt]housand)?$"
        switch f.type {
        case .bool: o.append(("type", .string("boolean")))
        case .integer: o.append(("type", .string("integer")))
        case .count:
            o.append(("anyOf", .array([.object([("type", .string("integer")), ("minimum", .int(0))]),
                                       .object([("type", .string("string")), ("pattern", .string(countPattern))])])))
        case .money:
            o.append(("anyOf", .array([
                .object([("type", .string("string"))]),
                .object([("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("amount"), .string("currency")])),
                         ("properties", .object([("amount", .object([("type", .string("integer")), ("minimum", .int(0))])),
                                                 ("currency", .object([("type", .string("string")), ("pattern", .string("^[A-Za-z]{3}$"))]))]))]),
            ])))
        case .text: o.append(("type", .string("string")))
        case .textList, .licenseList, .pathList:
            o.append(("type", .string("array"))); o.append(("items", .object([("type", .string("string"))])))
        case .choice(let values): o.append(("enum", .array(values.map { .string($0) })))
        case .choiceList(let values):
            let e = JSON.object([("enum", .array(values.map { .string($0) }))])
            o.append(("anyOf", .array([e, .object([("type", .string("array")), ("items", e)])])))
        case .regionList:
            o.append(("type", .string("array")))
            o.append(("items", .object([("type", .string("string")), ("pattern", .string("^([A-Za-z]{2})$"))])))
        case .country: o.append(("type", .string("string"))); o.append(("pattern", .string("^[A-Za-z]{2}$")))
        case .jurisdictionList:
            o.append(("type", .string("array")))
            o.append(("items", .object([("type", .string("string")), ("pattern", .string("^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$"))])))
        case .severity: o.append(("enum", .array([.string("error"), .string("warning")])))
        case .openness: o.append(("enum", .array(OpennessLevel.allCases.map { .string($0.rawValue) })))
        case .modelList:
            // A path, or a mapping with the path and the model's own plan (the plan sections' own schemas).
            var entry: [(String, JSON)] = [("path", .object([("type", .string("string"))]))]
            for s in ProfileSchema.sections where ProfileSchema.planSections.contains(s.key) {
                entry.append((s.key, .object([("type", .string("object")), ("additionalProperties", .bool(false)),
                                              ("properties", .object(s.fields.map { ($0.key, field($0)) }))])))
            }
            o.append(("type", .string("array")))
            o.append(("items", .object([("anyOf", .array([
                .object([("type", .string("string"))]),
                .object([("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("path")])),
                         ("properties", .object(entry))]),
            ]))])))
        case .exceptions:
            o.append(("type", .string("array")))
            o.append(("items", .object([
                ("type", .string("object")), ("additionalProperties", .bool(false)),
                ("required", .array([.string("rule"), .string("reason")])),
                ("properties", .object([
                    ("rule", .object([("type", .string("string"))])), ("license", .object([("type", .string("string"))])),
                    ("model", .object([("type", .string("string"))])), ("reason", .object([("type", .string("string"))])),
                    ("expires", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])),
                ])),
            ])))
        }
        return .object(o)
    }
}
