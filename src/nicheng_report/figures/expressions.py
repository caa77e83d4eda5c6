"""Safe arithmetic over figure keys, for formulas and checks in the data file.

Only numbers, dotted figure keys, + - * / ( ) and comparisons are allowed, so a
data file can never run code.
"""

from __future__ import annotations

import ast
import operator
import re
from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Callable, Mapping

__all__ = ["ExpressionError", "keys_in", "evaluate", "compile_expression"]

# A dotted key: `mediation.cases`. Python would read it as attribute access.
KEY = re.compile(r"\b[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+\b")

_BINARY: dict[type, Callable[[Decimal, Decimal], Decimal]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_COMPARE: dict[type, Callable[[Decimal, Decimal], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}


class ExpressionError(ValueError):
    """An expression that cannot be read or evaluated; the message says why."""


def keys_in(expression: str) -> list[str]:
    """The figure keys an expression names, in order of first use."""
    return list(dict.fromkeys(KEY.findall(expression)))


def compile_expression(expression: str) -> ast.Expression:
    # Dotted keys become single names (`mediation__cases`) so that `ast` can parse them.
    source = KEY.sub(lambda m: m.group(0).replace(".", "__"), expression)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as error:
        raise ExpressionError(f"cannot read `{expression}`: {error.msg}") from None
    for node in ast.walk(tree):
        allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.Compare,
                   ast.Name, ast.Load, ast.Constant, *_BINARY, *_COMPARE)
        if not isinstance(node, allowed):
            raise ExpressionError(
                f"`{expression}` uses {type(node).__name__}; only numbers, figure keys, "
                "+ - * / ( ) and comparisons are allowed"
            )
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise ExpressionError(f"`{expression}` contains {node.value!r}, which is not a number")
    return tree


def evaluate(expression: str, values: Mapping[str, Decimal]) -> Decimal | bool:
    """Evaluate with exact decimals; raise ExpressionError on unknown keys or division by zero."""
    tree = compile_expression(expression)

    def walk(node: ast.AST) -> Decimal | bool:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant):
            return Decimal(str(node.value))
        if isinstance(node, ast.Name):
            key = node.id.replace("__", ".")
            if key not in values:
                raise ExpressionError(f"`{expression}` names `{key}`, which is not a figure")
            return values[key]
        if isinstance(node, ast.UnaryOp):
            return -walk(node.operand)
        if isinstance(node, ast.BinOp):
            left, right = walk(node.left), walk(node.right)
            try:
                return _BINARY[type(node.op)](left, right)
            except (DivisionByZero, InvalidOperation, ZeroDivisionError):
                raise ExpressionError(f"`{expression}` divides by zero") from None
        if isinstance(node, ast.Compare):
            left = walk(node.left)
            for op, comparator in zip(node.ops, node.comparators):
                right = walk(comparator)
                if not _COMPARE[type(op)](left, right):
                    return False
                left = right
            return True
        raise ExpressionError(f"cannot evaluate `{expression}`")  # unreachable: compile_expression checked

    return walk(tree)
