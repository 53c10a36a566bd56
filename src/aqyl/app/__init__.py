"""Use cases: what the command line and the web application both do, one function each. These
modules combine the store, the domain, the importers and the renderers; they never import the
web or the command line, which only present what these return."""
