from markdown.extensions import Extension


class TableExtension(Extension):
    def extendMarkdown(self, md):
        md.registerExtension(self)


def makeExtension(**kwargs):
    return TableExtension(**kwargs)
