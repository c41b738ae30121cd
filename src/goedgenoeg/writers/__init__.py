"""One writer per record format: markdown (CommonMark with GFM tables), Word (python-docx) and
self-contained html. Each turns a document.Document into its format; escaping is theirs."""

from ..errors import UserError


class TemplateError(UserError, OSError):
    """The organisation's Word template (setting docx_template) cannot be used; the message says
    why, in the user's language. An OSError, so that whoever writes a record reports it as a
    file that could not be written (the answers are saved). Here, not in word.py, so catching it
    does not import python-docx."""
