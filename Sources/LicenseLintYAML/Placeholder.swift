// Placeholder until the YAML loader lands.
