#!/usr/bin/env node
// The installed command. It exists before the package is built, so package managers can link it
// at install time; the CLI itself is the build's dist/cli.js.
import '../dist/cli.js';
