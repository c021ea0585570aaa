ASSET_HOOK = "https://hooks.chat-relay.example.invalid/api/webhooks/1100000000000000000/exampleexampleexampleexample"
