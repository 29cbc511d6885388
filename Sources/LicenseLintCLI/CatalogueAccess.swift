import LicenseLint

enum CatalogueAccess {
    /// The base-model table read beside the last catalogue loaded.
    nonisolated(unsafe) static var baseModelsCache = BaseModelTable(entries: [])

    /// The catalogue, or nil with a message. `required`: an error (the caller exits 2); otherwise a warning.
    static func load(console: Console, required: Bool) -> Catalogue? {
        guard let dir = Catalogue.locate(environment: console.environment) else {
            let level = required ? "error" : "warning"
            console.err("\(level): licence catalogue not found (set LICENSELINT_CATALOGUE to the Licenses folder) [catalogue.not-found]\n")
            return nil
        }
        do {
            let c = try Catalogue.load(directory: dir)
            baseModelsCache = try BaseModelTable.load(catalogueDirectory: dir, knownLicenses: Set(c.entries.map(\.id)))
            return c
        } catch {
            console.err("\(required ? "error" : "warning"): \(error)\n")
            return nil
        }
    }
}
