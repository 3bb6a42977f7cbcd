"""The generated pages, engine-neutral Markdown with relative `.md` links: one
module per kind of page (item, index pages, freshness list), the shared parts
they are made of (listing, related items, markers) and `plan.plan_pages`, which
puts them together."""
