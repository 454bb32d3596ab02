/// User-facing text of the forecast plugin, in one place so that a Chinese
/// interface can be added without touching the logic.
enum Strings {
    static let emptyList = "the list is empty"
    static let modelListHint = "give model names separated by commas, e.g. ets,theta,snaive"
}
