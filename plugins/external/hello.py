#!/usr/bin/env python3
"""The smallest opsbench plugin: `hello greet [--name NAME]`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from opsbench_plugin import Option, Plugin  # noqa: E402

plugin = Plugin("hello", "0.1.0", summary=("A greeting, to try the plugin protocol", "问候：试用插件协议"))


@plugin.command("greet", abstract=("Say hello", "打招呼"),
                options=[Option("--name", help=("Who to greet", "问候谁"), default="world")],
                examples=["hello greet", ("hello greet --name 小明", ("in Chinese too", "中文也可以"))])
def greet(ctx, name):
    ctx.print(ctx.text(f"hello, {name}!", f"你好，{name}！"))


if __name__ == "__main__":
    plugin.main()
