/// The HTML and SOAP documents of the login flows, shaped the way skpy's parsers need them
/// (protocol doc §2.2, §2.3, §14.1–14.2): every `<form>` has a `name`, errors use `sErrTxt` with a
/// backslash escape, SOAP faults are sent with 200.
enum LoginPages {
    static func start(ppft: String) -> String {
        """
        <html><head><title>Sign in</title></head><body>
        <form name="f1" method="post" action="/live/ppsecure/post.srf">
        <input type="hidden" name="PPFT" id="i0327" value="\(ppft)"/>
        </form></body></html>
        """
    }

    static func ticket(_ ticket: String) -> String {
        """
        <html><body><form name="fmHFT" method="post" action="/login/microsoft">
        <input type="hidden" name="t" id="t" value="\(ticket.replacingOccurrences(of: "&", with: "&amp;"))"/>
        </form></body></html>
        """
    }

    static let failure = """
        <html><body><script>var ServerData = {sErrTxt:'Your account or password is incorrect. If you don\\'t remember your password, reset it now.'};</script>
        <form name="f1" method="post" action="/live/ppsecure/post.srf"></form></body></html>
        """

    static func skypeToken(_ token: String, lifetime: Int) -> String {
        """
        <html><body><form name="redirect" method="post" action="https://web.skype.com">
        <input type="hidden" name="skypetoken" value="\(token)"/>
        <input type="hidden" name="expires_in" value="\(lifetime)"/>
        </form></body></html>
        """
    }

    static func soapSuccess(ticket: String) -> String {
        let escaped = ticket.replacingOccurrences(of: "&", with: "&amp;")
        return """
        <?xml version="1.0" encoding="utf-8"?><S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope" \
        xmlns:wst="http://schemas.xmlsoap.org/ws/2004/04/trust" xmlns:wsse="http://schemas.xmlsoap.org/ws/2003/06/secext">\
        <S:Body><wst:RequestSecurityTokenResponseCollection><wst:RequestSecurityTokenResponse>\
        <wst:RequestedSecurityToken><wsse:BinarySecurityToken Id="Compact0">\(escaped)</wsse:BinarySecurityToken>\
        </wst:RequestedSecurityToken></wst:RequestSecurityTokenResponse></wst:RequestSecurityTokenResponseCollection>\
        </S:Body></S:Envelope>
        """
    }

    static func soapFault(code: String, text: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?><S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope" \
        xmlns:wsse="http://schemas.xmlsoap.org/ws/2003/06/secext"><S:Body><S:Fault>\
        <faultcode>\(code)</faultcode><faultstring>\(text)</faultstring></S:Fault></S:Body></S:Envelope>
        """
    }
}
