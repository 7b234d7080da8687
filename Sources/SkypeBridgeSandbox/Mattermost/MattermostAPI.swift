/// The REST routes under `/api/v4`, grouped by area in the `MattermostAPI+*.swift` files.
enum MattermostAPI {
    /// Every route, first match wins.
    static let routes: [MattermostRoute] = userRoutes + teamRoutes + channelRoutes + postRoutes + fileRoutes
}
