/// A fictional county's action plan, written for these tests in a style unlike the reference documents:
/// full-width punctuation and digits, 第一阶段/第二阶段, 年底前, 每学年, 每季度, 工作日 limits with an extension,
/// 责任单位/牵头单位 lines, a quota with a completion cycle, an indicator table.
enum CountyPlanFixture {
    static let name = "qingshan-compulsory-2024.txt"

    /// Line numbers below are 1-based, as the importer reports them.
    static let text = """
        青山县义务教育优质均衡发展三年行动方案
        青教发〔2024〕12号
        为推进全县义务教育优质均衡发展，结合我县实际，制定本方案。
        一、总体目标
        到２０２６年，全县九年义务教育巩固率达到99%以上，县域义务教育学校校际差异系数小学不高于0.45。
        二、实施步骤
        （一）第一阶段（2024年1月—2024年12月）：启动实施。
        1．完成全县义务教育学校布局规划修编。完成时限：2024年6月底前。
        责任单位：县教育局规划股
        2．新建青山县第三小学，新增学位1080个。完成时限：2025年8月底。
        牵头单位：县教育局；配合单位：县自然资源局
        （二）第二阶段（2025年1月—2026年12月）：全面推进。
        3．每学年组织一次教学质量监测，每季度通报一次监测结果。
        责任单位：县教研室
        4．每年培训骨干教师200名，三年完成一轮全员培训。
        5．对家长来信来访，应在收到之日起10个工作日内答复；情况复杂的，经分管领导批准可延长，延长不超过5个工作日。
        6．长期坚持控辍保学“双线”责任制。
        7．各乡镇中心学校要于2024年底前建成标准化实验室。
        三、保障措施
        县政府督查室定期开展专项督查，并在上半年结束后通报进展。
        表1：2026年主要指标
        序号 | 指标 | 目标值 |
        1 | 小学学位数（个） | 12000 |
        2 | 初中专任教师本科学历比例（%） | 95 |
        四、其他
        各中小学每年3月底前报送上年度控辍保学情况。
        本方案自印发之日起施行，2023年印发的原方案同时废止。
        """
}
