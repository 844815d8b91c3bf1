"""Sina posts and government pages: body finding, inline runs, grid, encodings."""

from __future__ import annotations

import policydoc

SINA = """---
title: '某部印发某方案'
date: Tue, 06 Jul 2021 01:43:56 GMT
author: 新浪财经
categories:
 - 金融
---
<div>
<p class="ori_titlesource">　　原标题：某部印发某方案</p>
<p class="ori_titlesource">　　来源：某部网站</p>
<p>　　记者了解到，方案提出20条举措。</p>
<p><strong>　　附全文：</strong></p>
<p>　　某部关于印发某方案的通知</p>
<p>　　发布时间：2021年06月30日 字体：[ 大 中 小 ]</p>
<p>　　某发〔2021〕8号</p>
<p>　　一、推动产学研创<span><a href="https://finance.sina.com.cn/x">新和成</a></span>果转化</p>
<p>　　加强<span>线上线下</span>服务。</p>
<p>　　二、全力抓好粮食生产和重要<span class="stock"><a>农产品</a></span>供给</p><!-- news_keyword_pub -->
<!-- 文末二维码 start --><style>.appendQr_wrap&#123;border:1px;&#125;</style>
<div class="clearfix appendQr_wrap"><div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div>
<p class="article-editor">责任编辑：张三 </p>
</div>
"""


def test_sina_inline_links_stay_inside_words_and_headings():
    doc = policydoc.parse(SINA)
    assert doc.source.format == "sina"
    assert [s.title for s in doc.sections] == ["推动产学研创新和成果转化", "全力抓好粮食生产和重要农产品供给"]
    assert doc.sections[0].text == "加强线上线下服务。"


def test_sina_wrapper_lines_become_news_fields():
    doc = policydoc.parse(SINA)
    assert doc.news.title == "某部印发某方案"
    assert doc.news.original_title == "某部印发某方案" and doc.news.source == "某部网站"
    assert doc.news.editor == "张三"
    assert doc.news.summary == ["记者了解到，方案提出20条举措。"]
    assert doc.metadata.doc_number == "某发〔2021〕8号"
    dumped = doc.model_dump_json()
    for chrome in ("字体", "海量资讯", "appendQr", "责任编辑"):
        assert chrome not in dumped


GOV_PAGE = """<html><head><meta name="ArticleTitle" content="某市关于某事的通知"><title>某市政府网</title></head>
<body>
<div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政策文件</a><a href="/c">互动交流</a></div>
<table class="grid"><tr><td><b>索 引 号：</b></td><td>000014349/2019-00005</td>
<td><b>发文机关：</b></td><td>某市人民政府</td></tr>
<tr><td><b>标　　题：</b></td><td>某市关于某事的通知</td><td><b>发文字号：</b></td><td>某府发〔2019〕6号</td></tr>
<tr><td><b>成文日期：</b></td><td>2019年01月24日</td><td><b>发布日期：</b></td><td>2019年02月13日</td></tr></table>
<div id="zoom">
<p style="text-align:center"><span>某市人民政府关于</span></p>
<p style="text-align:center"><span>某事的通知</span></p>
<p style="text-align:center">某府发〔<span>2019</span>〕<span>6</span>号</p>
<p>各区人民政府，市政府各部门：</p>
<p>一、总体要求</p><p>到<span>2020</span>年，覆盖率达到<span>80</span>%以上。</p>
<p>二、保障措施</p><p>加强领导。</p>
<table><tr><td>序号</td><td>事项</td></tr><tr><td>1.</td><td>第一条 不是标题</td></tr></table>
<p style="text-align:right">某市人民政府</p><p style="text-align:right">2019年1月24日</p>
</div>
<div class="footer"><a href="/x">网站地图</a><a href="/y">联系我们</a>
版权所有：某市人民政府办公厅 地址：某市某路1号</div>
</body></html>"""


def test_gov_page_body_grid_and_split_runs():
    doc = policydoc.parse(GOV_PAGE)
    assert doc.source.format == "html"
    meta = doc.metadata
    assert meta.title == "某市人民政府关于某事的通知"
    assert meta.doc_number == "某府发〔2019〕6号"
    assert meta.index_number == "000014349/2019-00005"
    assert meta.published_at == "2019-02-13"
    assert meta.addressees == ["各区人民政府", "市政府各部门"]
    assert str(meta.date) == "2019-01-24"
    assert [s.title for s in doc.sections] == ["总体要求", "保障措施"]
    assert doc.sections[0].text == "到2020年，覆盖率达到80%以上。"
    # A table row is text of its section, never a heading.
    assert "第一条 不是标题" in doc.sections[1].text
    assert doc.closing == ["某市人民政府", "2019年1月24日"]
    assert "网站地图" not in doc.model_dump_json() and "首页" not in doc.model_dump_json()


def test_gbk_page_without_charset_declaration_parses():
    data = GOV_PAGE.encode("gb18030")
    doc = policydoc.parse(data)
    assert doc.metadata.doc_number == "某府发〔2019〕6号"


def test_declared_gb2312_page_with_gb18030_only_characters():
    page = GOV_PAGE.replace("<head>", '<head><meta charset="gb2312">').replace("加强领导", "加强领导㐀")
    doc = policydoc.parse(page.encode("gb18030"))
    assert "加强领导㐀" in doc.sections[1].text


def test_page_controls_and_footer_in_the_article_container_leave_the_closing_whole():
    """Regression: Jiangxi pages keep 扫一扫在手机打开当前页 / 打印本页 关闭窗口 (and the site's footer)
    inside the article's container; the controls ended the closing search, so the date, the
    disclosure note and the controls stayed in the last section and the closing was empty."""
    page = (
        "<html><body><div class='article'><p>某某厅关于做好示范工作的通知</p><p>各设区市：</p>"
        "<p>一、加强组织领导。各地要高度重视。</p><p>二、强化工作保障。各地要落实经费。</p>"
        "<p>网址：https://www.example.gov.cn/service</p>"
        "<p>某某厅</p><p>2020年3月3日</p><p>（此件主动公开）</p>"
        "<p>扫一扫在手机打开当前页</p><p>打印本页 关闭窗口</p><p>版权所有：某某厅</p>"
        "</div></body></html>"
    )
    d = policydoc.parse(page)
    assert d.closing == ["某某厅", "2020年3月3日", "（此件主动公开）"]
    assert d.sections[-1].text.endswith("网址：https://www.example.gov.cn/service")  # the notice's own link
    assert "打印本页" not in d.model_dump_json() and "版权所有" not in d.model_dump_json()


def test_container_rows_are_rows_of_the_chrome_table():
    from policydoc.readers.chrome import _CONTAINER_ROWS, RULES

    assert _CONTAINER_ROWS <= {rule.name for rule in RULES}


def test_related_files_and_interpretation_links_below_the_text_are_chrome():
    """Regression: Guangzhou pages end the article with 相关附件 (an empty list) or with
    政策解读：https://… / 一图读懂：https://…; both stayed at the end of the last section."""
    tails = (
        ["相关附件"],
        ["政策解读：https://www.example.gov.cn/a.html", "一图读懂：https://www.example.gov.cn/b"],
        ["相关解读：解读《某某补贴实施办法》", "相关文章：某某局关于做好补贴工作的通知"],  # linked titles
    )
    for tail in tails:
        page = (
            "<html><body><div class='article'><p>某某补贴实施办法</p><p>一、补贴对象。符合条件的人员。</p>"
            "<p>二、补贴标准。本办法自2026年1月1日起施行，原办法同时废止。</p>"
            + "".join(f"<p>{line}</p>" for line in tail)
            + "</div></body></html>"
        )
        d = policydoc.parse(page)
        assert d.sections[-1].text.endswith("原办法同时废止。"), tail


def test_a_page_whose_text_is_an_image_says_so():
    """Regression: five Jiangxi 解读 pages hold their text as an image; the result had a title and
    nothing else, silently."""
    page = (
        "<html><body><div class='article'><p>解读《进一步优化政务服务加强疫情防控和助力企业复工复产若干举措》</p>"
        "<p>发布日期：2020-02-18 16:16</p><p><img src='jiedu.jpg'></p>"
        "<p>相关文件：某某省人民政府办公厅印发关于进一步优化政务服务助力企业复工复产若干举措的通知</p></div></body></html>"
    )
    d = policydoc.parse(page)
    assert [w.code for w in d.warnings] == ["W005"]
    with_text = "<html><body><p>某某局关于做好示范工作的通知</p><p>一、做好示范工作，加强组织领导。</p></body></html>"
    assert not policydoc.parse(with_text).warnings
