"""One writer per record format: markdown (CommonMark with GFM tables), Word (python-docx) and
self-contained html. Each turns a document.Document into its format; escaping is theirs."""
