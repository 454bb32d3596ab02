/// The ranges route accepts, so that distances, loads and search budgets stay
/// finite and a runaway value is a clear error instead of a crash or a search
/// that never ends.
enum RouteLimits {
    /// Largest |x| or |y| (distances between such points stay far from overflow).
    static let coordinate = 1e9
    /// Largest demand or vehicle capacity.
    static let quantity = 1e12
    /// Largest node id in an instance file.
    static let id = 1e15
    /// Most search iterations of one `route solve`.
    static let iterations = 1_000_000
    /// Longest `--time-limit`, in seconds (one hour).
    static let seconds = 3600.0
}
