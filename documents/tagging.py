"""One table, one Table: join the pieces WeasyPrint tags page by page.

WeasyPrint builds the PDF's structure tree a page at a time, so a table that runs over three
pages becomes three Table elements (each inside its own piece of every enclosing section), and a
screen reader announces three tables. `join_split_tables` rewrites the tree after WeasyPrint:
wherever an element continues on the next page as a Table, or as a container whose first
descendant continues so, the pieces are joined into the first. The header row WeasyPrint repeats
on each page stays, as a row of the joined table's body, so every piece of content is still in
the tree. Nothing else changes: the page content, the marked-content ids and the parent tree
are left as they are.
"""

import io

import pikepdf

# Containers that WeasyPrint splits at a page break, around a table.
CONTAINERS = {"/Div", "/Sect", "/Part", "/Art", "/NonStruct", "/Document"}


def join_split_tables(pdf: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root.get("/StructTreeRoot")
        if root is None:
            return pdf
        for top in _children(root):
            _join_in(top)
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()


def _children(node) -> list:
    kids = node.get("/K")
    if isinstance(kids, pikepdf.Array):
        return list(kids)
    return [kids] if isinstance(kids, pikepdf.Dictionary) else []


def _is_element(node) -> bool:
    return isinstance(node, pikepdf.Dictionary) and "/S" in node


def _only_elements(node) -> bool:
    """Whether all its kids are structure elements (no marked content of its own)."""
    kids = node.get("/K")
    return isinstance(kids, pikepdf.Array) and len(kids) > 0 and all(map(_is_element, kids))


def _page(node):
    return node.get("/Pg").objgen if "/Pg" in node else None


def _continues(first, second) -> bool:
    """Whether `second` is the next page's piece of `first`, ending and starting with one
    table split between them."""
    if not (_is_element(first) and _is_element(second)) or first.S != second.S:
        return False
    if _page(first) == _page(second) or not (_only_elements(first) and _only_elements(second)):
        return False
    if first.S == "/Table":
        return True
    if first.S not in CONTAINERS:
        return False
    return _continues(first.K[len(first.K) - 1], second.K[0])


def _join_in(node) -> None:
    """Join the split pieces among the node's kids, then within each kid."""
    if not _only_elements(node):
        return
    kids = list(node.K)
    joined = [kids[0]] if kids else []
    for kid in kids[1:]:
        if _continues(joined[-1], kid):
            _absorb(joined[-1], kid)
        else:
            joined.append(kid)
    node.K = pikepdf.Array(joined)
    for kid in joined:
        _join_in(kid)


def _absorb(first, second) -> None:
    """Move `second`'s kids into `first`: a table's rows into its body, a container's kids after
    its own (the first of them joined with `first`'s last when it continues it)."""
    if first.S == "/Table":
        body = _body(first)
        for group in second.K:
            for row in _children(group) if group.S in ("/THead", "/TBody") else [group]:
                row.P = body
                body.K.append(row)
        return
    kids = list(second.K)
    last = first.K[len(first.K) - 1]
    if _continues(last, kids[0]):
        _absorb(last, kids.pop(0))
    for kid in kids:
        kid.P = first
        first.K.append(kid)


def _body(table):
    """The table's body (its last TBody), made if it has none."""
    bodies = [kid for kid in table.K if kid.S == "/TBody"]
    if bodies:
        return bodies[-1]
    return table
