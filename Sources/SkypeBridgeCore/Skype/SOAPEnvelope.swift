/// The WS-Trust request of the SOAP sign-in (skype-web.md §2.2) and the two things read from
/// its answer: a `Fault`, or the `BinarySecurityToken` ticket.
enum SOAPEnvelope {
    static func render(username: String, password: String) -> String {
        """
        <Envelope xmlns='http://schemas.xmlsoap.org/soap/envelope/' \
        xmlns:wsse='http://schemas.xmlsoap.org/ws/2003/06/secext' \
        xmlns:wsp='http://schemas.xmlsoap.org/ws/2002/12/policy' \
        xmlns:wsa='http://schemas.xmlsoap.org/ws/2004/03/addressing' \
        xmlns:wst='http://schemas.xmlsoap.org/ws/2004/04/trust' \
        xmlns:ps='http://schemas.microsoft.com/Passport/SoapServices/PPCRL'>\
        <Header><wsse:Security><wsse:UsernameToken Id='user'>\
        <wsse:Username>\(escape(username))</wsse:Username><wsse:Password>\(escape(password))</wsse:Password>\
        </wsse:UsernameToken></wsse:Security></Header>\
        <Body><ps:RequestMultipleSecurityTokens Id='RSTS'><wst:RequestSecurityToken Id='RST0'>\
        <wst:RequestType>http://schemas.xmlsoap.org/ws/2004/04/security/trust/Issue</wst:RequestType>\
        <wsp:AppliesTo><wsa:EndpointReference><wsa:Address>wl.skype.com</wsa:Address></wsa:EndpointReference></wsp:AppliesTo>\
        <wsse:PolicyReference URI='MBI_SSL'></wsse:PolicyReference>\
        </wst:RequestSecurityToken></ps:RequestMultipleSecurityTokens></Body></Envelope>
        """
    }

    /// `"<faultcode> - <faultstring>"` when the answer is a SOAP Fault.
    static func fault(in xml: String) -> String? {
        guard XMLText.elements(localName: "Fault", in: xml).first != nil else { return nil }
        let code = XMLText.elements(localName: "faultcode", in: xml).first ?? "Fault"
        let text = XMLText.elements(localName: "faultstring", in: xml).first ?? "sign-in refused"
        return "\(code) - \(text)"
    }

    /// The text of the last `BinarySecurityToken` element.
    static func securityToken(in xml: String) -> String? {
        XMLText.elements(localName: "BinarySecurityToken", in: xml).last.map(XMLText.unescape).flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
