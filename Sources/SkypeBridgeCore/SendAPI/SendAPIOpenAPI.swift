/// The OpenAPI 3.0 description of the send API, served at `/openapi.json`.
public enum SendAPIOpenAPI {
    /// The document, as compact JSON.
    public static let document: String = {
        let text = """
            {"openapi":"3.0.3",
             "info":{"title":"skypebridge send API","version":"1",
               "description":"Send a Skype message with one request. Accepted requests are stored in the bridge's durable outbox before the answer, so a 200 means the message will be delivered even if Skype is briefly unavailable. Keys: API_KEY in the body or query, or Authorization: Bearer. Rate limit per key: 429 with Retry-After."},
             "components":{
               "securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},
               "schemas":{
                 "SendMessage":{"type":"object","required":["msg","channel"],"properties":{
                   "msg":{"type":"string","description":"the message text"},
                   "channel":{"type":"string","description":"chat id (8:alice, 19:…@thread.skype), live: id or Skype name"},
                   "API_KEY":{"type":"string","description":"an API key (or use Authorization: Bearer)"},
                   "format":{"type":"string","enum":["text","markdown","html"],"default":"text"}}},
                 "Send":{"type":"object","required":["recipient","message"],"properties":{
                   "recipient":{"type":"string"},"message":{"type":"string"},"API_KEY":{"type":"string"},
                   "format":{"type":"string","enum":["text","markdown","html"],"default":"text"}}},
                 "Message":{"type":"object","properties":{"msg":{"type":"string"}}},
                 "SendResult":{"type":"object","properties":{"ok":{"type":"boolean"},"recipient":{"type":"string"},"request_id":{"type":"string"},"msg":{"type":"string"}}}}},
             "security":[{"bearer":[]},{}],
             "paths":{
               "/send-message":{"post":{"summary":"Send a message (seed 001 compatible)",
                 "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SendMessage"}}}},
                 "responses":{
                   "200":{"description":"accepted for delivery: {\\"msg\\":\\"Posted message\\"}","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Message"}}}},
                   "400":{"description":"missing request parameters, bad recipient or format, or credentials in the request"},
                   "401":{"description":"incorrect API key"},
                   "413":{"description":"body larger than max_body_size"},
                   "429":{"description":"rate limit exceeded; see Retry-After"},
                   "503":{"description":"could not be stored; retry"}}}},
               "/send":{
                 "get":{"summary":"Send a message (seed 002 compatible), parameters in the query",
                   "parameters":[{"name":"recipient","in":"query","required":true,"schema":{"type":"string"}},
                                 {"name":"message","in":"query","required":true,"schema":{"type":"string"}},
                                 {"name":"API_KEY","in":"query","required":false,"schema":{"type":"string"}},
                                 {"name":"format","in":"query","required":false,"schema":{"type":"string"}}],
                   "responses":{"200":{"description":"accepted for delivery","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SendResult"}}}},
                     "400":{"description":"missing parameters or credentials in the request"},"401":{"description":"incorrect API key"},
                     "429":{"description":"rate limit exceeded"},"503":{"description":"could not be stored; retry"}}},
                 "post":{"summary":"Send a message (seed 002 compatible), parameters as form or JSON",
                   "requestBody":{"required":true,"content":{
                     "application/json":{"schema":{"$ref":"#/components/schemas/Send"}},
                     "application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Send"}}}},
                   "responses":{"200":{"description":"accepted for delivery","content":{"application/json":{"schema":{"$ref":"#/components/schemas/SendResult"}}}},
                     "400":{"description":"missing parameters or credentials in the request"},"401":{"description":"incorrect API key"},
                     "413":{"description":"body too large"},"429":{"description":"rate limit exceeded"},"503":{"description":"could not be stored; retry"}}}},
               "/openapi.json":{"get":{"summary":"This document","security":[],"responses":{"200":{"description":"the OpenAPI document"}}}}}}
            """
        return text.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " }) }.joined()
    }()
}
