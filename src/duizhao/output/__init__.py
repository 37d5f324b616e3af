"""The output layer every writer shares: the one jinja2 environment, PDF writing, safe files.

The sheet, the drills and the term bank's reports all render through :mod:`.templates` and
write through :mod:`.files` and :mod:`.pdf`; none of them imports another.

Modules:
    templates: the jinja2 environment (autoescape, the user's folder first) and the generator line.
    pdf: WeasyPrint: checking the system has what it needs, and HTML to an A4 PDF.
    files: writing files: folders, UTF-8 text, names that stay inside the output folder.
"""
