-- wrk script: POST one text message per request with the sender's registration token.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["RegistrationToken"] = os.getenv("SKYPE_REG")
counter = 0
request = function()
  counter = counter + 1
  local body = '{"messagetype":"Text","contenttype":"text","content":"bench ' .. counter .. '","clientmessageid":"' .. counter .. '"}'
  return wrk.format(nil, nil, nil, body)
end
