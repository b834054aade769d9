import Foundation

/// The control API's OpenAPI 3.1 document, served at `GET /v1/openapi.json`.
///
/// docs/openapi.yaml is the one source; `scripts/openapi-json.py` writes this JSON copy beside the code (embedded in
/// the binary), and `.ci/run` checks that the copy matches the YAML.
enum OpenAPIDocument {
    static let json = Data(PackageResources.openapi_json)
}
