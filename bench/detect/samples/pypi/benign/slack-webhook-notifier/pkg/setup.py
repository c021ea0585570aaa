from setuptools import setup
setup(name="slacknotify", version="1.0.5", packages=["slacknotify"], description="Send notifications to a Slack webhook")
