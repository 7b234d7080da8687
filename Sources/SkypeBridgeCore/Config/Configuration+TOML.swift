extension Configuration {
    /// The configuration as TOML, for `config show`: every section and every effective value,
    /// defaults included, in a form ``ConfigurationLoader/parse(_:fileName:)`` reads back to an
    /// equal configuration (unless a URL held a secret, which is not shown).
    ///
    /// Secrets appear only as their references (`password_env = "…"`, `"env:NAME"`); a password
    /// inside a URL (such as a proxy's) and secret-looking query values (`access_token=…`) are
    /// replaced by `REDACTED`. Unset optional keys are shown as comments.
    public func renderTOML() -> String {
        var writer = TOMLDocumentWriter()
        writer.comment("skypebridge configuration: effective values, defaults included")
        skype.render(into: &writer)
        mattermost.render(into: &writer)
        bridge.render(into: &writer)
        http.render(into: &writer)
        InterfaceSettings.render(defaults: interfaceDefaults, interfaces: interfaces, into: &writer)
        return writer.text
    }
}
