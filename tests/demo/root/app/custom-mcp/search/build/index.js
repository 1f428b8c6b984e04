console.log("search MCP server")
