"""The official SDK's model classes that this package does not have: those of its calls
outside the contract (skills, MCP servers, integrations, ...), its request models (this
package's calls take keyword arguments), and its artifact models (artifacts are JSON here).
Each can be imported, so that code written for the official SDK loads; building one raises
``NotImplementedYetError``."""

from .._beyond import unavailable_model

_API_KEYS = "external API keys"
_INTEGRATIONS = "integrations"
_MCP = "MCP servers"
_PREFERENCES = "model preferences"
_SKILLS = "skills"
_TENANT = "tenant settings"
_FILE_CALLS = "file search, bulk and scope calls"
_REQUEST = "a request model: the calls take keyword arguments"
_ARTIFACTS = "response artifacts, which this package gives as JSON"


StoreApiKeyRequest = unavailable_model("StoreApiKeyRequest", _API_KEYS)
ExternalApiKeyResponse = unavailable_model("ExternalApiKeyResponse", _API_KEYS)
ApiKeyModeRequest = unavailable_model("ApiKeyModeRequest", _API_KEYS)
ApiKeyModeResponse = unavailable_model("ApiKeyModeResponse", _API_KEYS)

InitiateConnectionRequest = unavailable_model("InitiateConnectionRequest", _INTEGRATIONS)
InitiateConnectionResponse = unavailable_model("InitiateConnectionResponse", _INTEGRATIONS)
ConnectionStatus = unavailable_model("ConnectionStatus", _INTEGRATIONS)
ListConnectionsResponse = unavailable_model("ListConnectionsResponse", _INTEGRATIONS)
CallbackRequest = unavailable_model("CallbackRequest", _INTEGRATIONS)
ToolParameter = unavailable_model("ToolParameter", _INTEGRATIONS)
Tool = unavailable_model("Tool", _INTEGRATIONS)
GetToolsRequest = unavailable_model("GetToolsRequest", _INTEGRATIONS)
GetToolsResponse = unavailable_model("GetToolsResponse", _INTEGRATIONS)
ListAppsResponse = unavailable_model("ListAppsResponse", _INTEGRATIONS)
AppEnabledResponse = unavailable_model("AppEnabledResponse", _INTEGRATIONS)
SetAppEnabledResponse = unavailable_model("SetAppEnabledResponse", _INTEGRATIONS)

MCPServerCreateRequest = unavailable_model("MCPServerCreateRequest", _MCP)
MCPServerUpdateRequest = unavailable_model("MCPServerUpdateRequest", _MCP)
MCPServerResponse = unavailable_model("MCPServerResponse", _MCP)
MCPServerListResponse = unavailable_model("MCPServerListResponse", _MCP)
MCPToolResponse = unavailable_model("MCPToolResponse", _MCP)
MCPToolListResponse = unavailable_model("MCPToolListResponse", _MCP)
MCPTestConnectionResponse = unavailable_model("MCPTestConnectionResponse", _MCP)
MCPServer = unavailable_model("MCPServer", _MCP)
MCPServerCreate = unavailable_model("MCPServerCreate", _MCP)
MCPServerUpdate = unavailable_model("MCPServerUpdate", _MCP)
TransportType = unavailable_model("TransportType", _MCP)

ModelPreference = unavailable_model("ModelPreference", _PREFERENCES)
ModelPreferenceCreate = unavailable_model("ModelPreferenceCreate", _PREFERENCES)
ModelPreferencesResponse = unavailable_model("ModelPreferencesResponse", _PREFERENCES)
UpdateModelPreferencesRequest = unavailable_model("UpdateModelPreferencesRequest", _PREFERENCES)
ModelAvailability = unavailable_model("ModelAvailability", _PREFERENCES)
SupportedModelsResponse = unavailable_model("SupportedModelsResponse", _PREFERENCES)

SkillGuidelineCreate = unavailable_model("SkillGuidelineCreate", _SKILLS)
SkillGuidelineUpdate = unavailable_model("SkillGuidelineUpdate", _SKILLS)
SkillGuideline = unavailable_model("SkillGuideline", _SKILLS)
SkillGuidelineListResponse = unavailable_model("SkillGuidelineListResponse", _SKILLS)

TenantInfo = unavailable_model("TenantInfo", _TENANT)

FileSearchRequest = unavailable_model("FileSearchRequest", _FILE_CALLS)
BulkDeleteRequest = unavailable_model("BulkDeleteRequest", _FILE_CALLS)
FileScopeUpdateRequest = unavailable_model("FileScopeUpdateRequest", _FILE_CALLS)
FileChunk = unavailable_model("FileChunk", _FILE_CALLS)
FileSearchResult = unavailable_model("FileSearchResult", _FILE_CALLS)
FileSearchResponse = unavailable_model("FileSearchResponse", _FILE_CALLS)
FileStatisticsResponse = unavailable_model("FileStatisticsResponse", _FILE_CALLS)
BulkUploadResponse = unavailable_model("BulkUploadResponse", _FILE_CALLS)
BulkDeleteResponse = unavailable_model("BulkDeleteResponse", _FILE_CALLS)

UserCreate = unavailable_model("UserCreate", _REQUEST)
UserUpdate = unavailable_model("UserUpdate", _REQUEST)
UpdateThreadRequest = unavailable_model("UpdateThreadRequest", _REQUEST)
CreateResponseRequest = unavailable_model("CreateResponseRequest", _REQUEST)
CreateFeedbackRequest = unavailable_model("CreateFeedbackRequest", _REQUEST)
FileUploadRequest = unavailable_model("FileUploadRequest", _REQUEST)
FileContentRequest = unavailable_model("FileContentRequest", _REQUEST)

Artifact = unavailable_model("Artifact", _ARTIFACTS)
ArtifactPart = unavailable_model("ArtifactPart", _ARTIFACTS)

__all__ = [
    "ApiKeyModeRequest",
    "ApiKeyModeResponse",
    "AppEnabledResponse",
    "Artifact",
    "ArtifactPart",
    "BulkDeleteRequest",
    "BulkDeleteResponse",
    "BulkUploadResponse",
    "CallbackRequest",
    "ConnectionStatus",
    "CreateFeedbackRequest",
    "CreateResponseRequest",
    "ExternalApiKeyResponse",
    "FileChunk",
    "FileContentRequest",
    "FileScopeUpdateRequest",
    "FileSearchRequest",
    "FileSearchResponse",
    "FileSearchResult",
    "FileStatisticsResponse",
    "FileUploadRequest",
    "GetToolsRequest",
    "GetToolsResponse",
    "InitiateConnectionRequest",
    "InitiateConnectionResponse",
    "ListAppsResponse",
    "ListConnectionsResponse",
    "MCPServer",
    "MCPServerCreate",
    "MCPServerCreateRequest",
    "MCPServerListResponse",
    "MCPServerResponse",
    "MCPServerUpdate",
    "MCPServerUpdateRequest",
    "MCPTestConnectionResponse",
    "MCPToolListResponse",
    "MCPToolResponse",
    "ModelAvailability",
    "ModelPreference",
    "ModelPreferenceCreate",
    "ModelPreferencesResponse",
    "SetAppEnabledResponse",
    "SkillGuideline",
    "SkillGuidelineCreate",
    "SkillGuidelineListResponse",
    "SkillGuidelineUpdate",
    "StoreApiKeyRequest",
    "SupportedModelsResponse",
    "TenantInfo",
    "Tool",
    "ToolParameter",
    "TransportType",
    "UpdateModelPreferencesRequest",
    "UpdateThreadRequest",
    "UserCreate",
    "UserUpdate",
]
