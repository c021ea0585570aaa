THEMES = {
    "nord": {"axes.facecolor": "#2E3440", "text.color": "#D8DEE9", "axes.prop_cycle": ["#88C0D0", "#BF616A"]},
    "paper": {"axes.facecolor": "#FFFFFF", "text.color": "#222222", "axes.prop_cycle": ["#1F77B4", "#D62728"]},
    "gruvbox": {"axes.facecolor": "#282828", "text.color": "#EBDBB2", "axes.prop_cycle": ["#FABD2F", "#83A598"]},
}


def use(name):
    import matplotlib as mpl
    from cycler import cycler
    theme = dict(THEMES[name])
    theme["axes.prop_cycle"] = cycler(color=theme["axes.prop_cycle"])
    mpl.rcParams.update(theme)
