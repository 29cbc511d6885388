import LicenseLint

enum CatalogueAccess {
    /// The base-model table read with the last catalogue loaded.
    nonisolated(unsafe) static var baseModelsCache = BaseModelTable(entries: [])

    /// The catalogue: the folder `LICENSELINT_CATALOGUE` names (for people who keep their own), else the one
    /// compiled into licenselint. Never a folder found on disk by searching: a repository under review cannot
    /// replace the facts it is judged by. Nil with a message when it does not load; `required`: an error (the
    /// caller exits 2), otherwise a warning.
    static func load(console: Console, required: Bool) -> Catalogue? {
        do throws(CatalogueError) {
            let c: Catalogue
            if let dir = console.environment["LICENSELINT_CATALOGUE"], !dir.isEmpty {
                c = try Catalogue.load(directory: dir)
                baseModelsCache = try BaseModelTable.load(catalogueDirectory: dir, knownLicenses: Set(c.entries.map(\.id)))
            } else {
                c = Catalogue.embedded()
                baseModelsCache = BaseModelTable.embedded()
            }
            return c
        } catch {
            console.err("\(required ? "error" : "warning"): \(error)\n")
            return nil
        }
    }
}
