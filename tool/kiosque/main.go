// Command kiosque turns scraped news articles into a static news site built with Hugo.
//
// Run "kiosque help" for the commands.
package main

import (
	"os"

	"github.com/kiosque-dev/kiosque/tool/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
