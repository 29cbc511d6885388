import LicenseLint

enum CatalogueAccess {
    /// The catalogue, or nil with a message. `required`: an error (the caller exits 2); otherwise a warning.
    static func load(console: Console, required: Bool) -> Catalogue? {
        guard let dir = Catalogue.locate(environment: console.environment, currentDirectory: console.currentDirectory) else {
            let level = required ? "error" : "warning"
            console.err("\(level): licence catalogue not found (set LICENSELINT_CATALOGUE to the Licenses folder) [catalogue.not-found]\n")
            return nil
        }
        do {
            return try Catalogue.load(directory: dir)
        } catch {
            console.err("\(required ? "error" : "warning"): \(error)\n")
            return nil
        }
    }
}
